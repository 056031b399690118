// Reads Spector's coverage file and prints, for each folder of folders.txt, how many of its
// scenarios passed, failed or were not exercised (Spector's "not-implemented"). Exits with 1
// when a scenario listed in expected-pass.txt did not pass; `--update` rewrites that list.
//
//   node report.mjs <coverage.json> [--update]
import { readFileSync, writeFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const [coveragePath, ...flags] = process.argv.slice(2);
const update = flags.includes("--update");
const here = new URL(".", import.meta.url).pathname;
const roots = [
  join(here, "node_modules/@typespec/http-specs/specs"),
  join(here, "node_modules/@azure-tools/azure-http-specs/specs"),
];

// Every scenario is declared in the mockapi.ts of its folder, as `Scenarios.Name = …`; the
// coverage file lists those the server registered (a commented-out one is not).
function scenariosByFolder() {
  const byFolder = new Map();
  const walk = (root, dir) => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        walk(root, path);
      } else if (entry === "mockapi.ts") {
        const folder = dir.slice(root.length + 1);
        const names = new Set(readFileSync(path, "utf8").match(/Scenarios\.\w+/g) ?? []);
        byFolder.set(folder, [...names].map((n) => n.slice("Scenarios.".length)).sort());
      }
    }
  };
  roots.forEach((root) => walk(root, root));
  return byFolder;
}

const results = {};
for (const entry of JSON.parse(readFileSync(coveragePath, "utf8"))) {
  Object.assign(results, entry.results);
}
const chosen = readFileSync(join(here, "folders.txt"), "utf8")
  .split("\n")
  .filter((line) => line && !line.startsWith("#"))
  .map((line) => line.split(" ")[0]);
const byFolder = scenariosByFolder();

const rows = [];
const passed = [];
const totals = { scenarios: 0, pass: 0, fail: 0, "not-implemented": 0 };
for (const folder of chosen) {
  const counts = { scenarios: 0, pass: 0, fail: 0, "not-implemented": 0 };
  for (const scenario of (byFolder.get(folder) ?? []).filter((name) => name in results)) {
    const status = results[scenario];
    counts.scenarios += 1;
    counts[status] = (counts[status] ?? 0) + 1;
    if (status === "pass") passed.push(scenario);
  }
  for (const key of Object.keys(totals)) totals[key] += counts[key];
  rows.push(`| ${folder} | ${counts.scenarios} | ${counts.pass} | ${counts.fail} | ${counts["not-implemented"]} |`);
}
const percent = totals.scenarios ? ((100 * totals.pass) / totals.scenarios).toFixed(1) : "0";
console.log("| folder | scenarios | passed | failed | not implemented |");
console.log("|---|---|---|---|---|");
rows.forEach((row) => console.log(row));
console.log(
  `| **all ${chosen.length} folders** | **${totals.scenarios}** | **${totals.pass}** (${percent} %) | **${totals.fail}** | **${totals["not-implemented"]}** |`,
);

const expectedPath = join(here, "expected-pass.txt");
if (update) {
  writeFileSync(expectedPath, passed.sort().join("\n") + "\n");
  console.log(`\nexpected-pass.txt: ${passed.length} scenarios`);
} else {
  const expected = readFileSync(expectedPath, "utf8").split("\n").filter(Boolean);
  const lost = expected.filter((scenario) => results[scenario] !== "pass");
  if (lost.length > 0) {
    console.log(`\nScenarios that passed before and do not now (${lost.length}):`);
    lost.forEach((scenario) => console.log(`  ${scenario}: ${results[scenario] ?? "missing"}`));
    process.exit(1);
  }
  console.log(`\nAll ${expected.length} scenarios of expected-pass.txt passed.`);
}
