// Validates one RDF document (ttl, jsonld or rdf) against SHACL shape files; prints a JSON report:
// { violations: [...], triples, datasets: [dcat:dataset objects], next: hydra:nextPage, total: hydra:totalItems }.
import { readFileSync } from 'node:fs';
import rdf from '@zazuko/env';
import SHACLValidator from 'rdf-validate-shacl';
import { Parser } from 'n3';
import jsonld from 'jsonld';
import { RdfXmlParser } from 'rdfxml-streaming-parser';

const [, , format, dataPath, ...shapePaths] = process.argv;
const turtle = text => new Parser().parse(text);

async function parse(text) {
  if (format === 'ttl') return turtle(text);
  if (format === 'jsonld') {
    const nquads = await jsonld.toRDF(JSON.parse(text), { format: 'application/n-quads' });
    return new Parser({ format: 'N-Quads' }).parse(nquads);
  }
  return await new Promise((resolve, reject) => {
    const quads = [];
    const parser = new RdfXmlParser();
    parser.on('data', q => quads.push(q));
    parser.on('error', reject);
    parser.on('end', () => resolve(quads));
    parser.write(text);
    parser.end();
  });
}

const shapes = rdf.dataset();
for (const path of shapePaths) for (const quad of turtle(readFileSync(path, 'utf8'))) shapes.add(quad);
const data = rdf.dataset(await parse(readFileSync(dataPath, 'utf8')));
const report = await new SHACLValidator(shapes, { factory: rdf }).validate(data);
const violations = report.results
  .filter(r => r.severity && r.severity.value === 'http://www.w3.org/ns/shacl#Violation')
  .map(r => `${r.focusNode && r.focusNode.value} ${r.path && r.path.value}: ${r.message.map(m => m.value).join(' ')}`);
const objects = predicate => [...data.match(null, rdf.namedNode(predicate), null)].map(q => q.object.value);
console.log(JSON.stringify({
  violations,
  triples: data.size,
  datasets: objects('http://www.w3.org/ns/dcat#dataset'),
  next: objects('http://www.w3.org/ns/hydra/core#nextPage')[0] ?? null,
  total: objects('http://www.w3.org/ns/hydra/core#totalItems')[0] ?? null,
}));
