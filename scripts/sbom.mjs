#!/usr/bin/env node
// Writes the software bill of materials (CycloneDX, from the lockfile) to sbom.cdx.json, or to the path given.
// `npm audit` is not run: its advisory service cannot be reached from these machines (see docs/dependencies.md).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const out = process.argv[2] ?? 'sbom.cdx.json';
const json = execFileSync('npm', ['sbom', '--sbom-format', 'cyclonedx', '--omit', 'dev'], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
const sbom = JSON.parse(json);
fs.writeFileSync(out, JSON.stringify(sbom, null, 2) + '\n');
process.stdout.write(`${out}: ${sbom.components?.length ?? 0} components (runtime dependencies only)\n`);
