#!/usr/bin/env python3
"""Extracts the national ICT occupation list ("DAFTAR OKUPASI TIK NASIONAL") of regulation 004 (Perbup Serang,
Lampiran) into okupasi-tik.json, the reference data the Programmers module imports by its recipe step.

    python3 modules/OrchardSpbe.Programmers/Data/extract-okupasi.py [path/to/004_*.txt]

The seed defaults to ../shared/seeds/004_*.txt beside the repository. The code of an occupation is its domain's
number (1-16, A-P), the two-digit KKNI level and a two-digit sequence (20605: domain 2 = B, level 06, number 05);
the script checks every code against the heading it is listed under, and fails rather than guess.
"""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))


def seed_path():
    if len(sys.argv) > 1:
        return sys.argv[1]
    found = sorted(glob.glob(os.path.join(ROOT, "..", "shared", "seeds", "004_*.txt")))
    if not found:
        sys.exit("seed 004_*.txt not found; pass its path")
    return found[0]


def extract(lines):
    start = next(i for i, line in enumerate(lines) if line.strip() == "DAFTAR OKUPASI TIK NASIONAL")
    heading = re.compile(r"^(?:#+\s*)?([A-P])\.\s+(.+)$")
    entry = re.compile(r"^(\d+)\.\t(\d{5,6})\t(.+)$")
    domains, occupations, domain = [], [], None
    for number, raw in enumerate(lines[start + 1:], start + 2):
        line = raw.rstrip("\n")
        if m := heading.match(line.strip()):
            domain = m.group(1)
            domains.append({"code": domain, "number": ord(domain) - 64, "name": m.group(2).strip()})
            continue
        if m := entry.match(line):
            code = m.group(2)
            domain_number, level = int(code[:-4]), int(code[-4:-2])
            if domain is None or domain_number != ord(domain) - 64:
                sys.exit(f"line {number}: code {code} does not belong to domain {domain}")
            if not 1 <= level <= 9:
                sys.exit(f"line {number}: code {code} has KKNI level {level}")
            occupations.append({"code": code, "name": m.group(3).strip(), "domain": domain, "level": level})
    codes = [o["code"] for o in occupations]
    if len(codes) != len(set(codes)):
        sys.exit("duplicate occupation codes")
    return domains, occupations


def main():
    with open(seed_path(), encoding="utf-8") as seed:
        domains, occupations = extract(seed.readlines())
    out = os.path.join(HERE, "okupasi-tik.json")
    with open(out, "w", encoding="utf-8") as target:
        json.dump({"source": "004 Lampiran, DAFTAR OKUPASI TIK NASIONAL", "domains": domains, "occupations": occupations},
                  target, ensure_ascii=False, indent=1)
        target.write("\n")
    print(f"{len(occupations)} occupations in {len(domains)} domains -> {os.path.relpath(out, ROOT)}")


if __name__ == "__main__":
    main()
