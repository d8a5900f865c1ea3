// Fails when a domain/ file's mutation score is below FILE_MIN, or the whole below TOTAL_MIN, in the
// report Stryker wrote (reports/mutation/mutation.json). With `--incremental` that report holds every
// file: the mutants of unchanged code keep their committed result, those of changed code were run again.
// Score as Stryker's: detected (killed, timeout) / valid (detected, survived, no coverage); static
// mutants count like the others.
import fs from 'node:fs';

const FILE_MIN = 85;
const TOTAL_MIN = 92;
const report = JSON.parse(fs.readFileSync(process.argv[2] ?? 'reports/mutation/mutation.json', 'utf8'));

const DETECTED = new Set(['Killed', 'Timeout']);
const VALID = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage']);
const score = (mutants) => {
  const valid = mutants.filter((m) => VALID.has(m.status));
  return valid.length === 0 ? 100 : (100 * valid.filter((m) => DETECTED.has(m.status)).length) / valid.length;
};

const rows = Object.entries(report.files)
  .map(([file, { mutants }]) => ({ file, score: score(mutants), mutants: mutants.length }))
  .sort((a, b) => a.score - b.score);
const total = score(Object.values(report.files).flatMap((f) => f.mutants));

for (const r of rows) console.log(`${r.score.toFixed(1).padStart(6)} %  ${r.file} (${r.mutants} mutants)`);
console.log(`${total.toFixed(1).padStart(6)} %  all of domain/`);

const low = rows.filter((r) => r.score < FILE_MIN);
for (const r of low) console.error(`${r.file}: ${r.score.toFixed(1)} % < ${FILE_MIN} % (tests kill too few of its mutants)`);
if (total < TOTAL_MIN) console.error(`domain/: ${total.toFixed(1)} % < ${TOTAL_MIN} %`);
process.exit(low.length > 0 || total < TOTAL_MIN ? 1 : 0);
