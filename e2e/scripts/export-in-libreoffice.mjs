// Opens the month-end export (docs/month-end-export.csv) in LibreOffice Calc, headless, with Colombian settings (`;`
// between fields, UTF-8, es-CO: decimal comma), checks that every total became a number and that they add up, to the
// cent, to the CSV's own, and saves a screenshot of the sheet (docs/month-end-export-libreoffice.png).
// Needs `soffice` (apt-get install libreoffice-calc-nogui) and Debian's chromium. Run: node e2e/scripts/export-in-libreoffice.mjs
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = fileURLToPath(new URL("../../", import.meta.url));
const csvPath = join(root, "docs/month-end-export.csv");
const work = mkdtempSync(join(tmpdir(), "export-in-libreoffice-"));
copyFileSync(csvPath, join(work, "export.csv"));
// CSV filter options: 59 = `;`, 34 = `"`, 76 = UTF-8, from line 1, default column types, 9226 = es-CO.
execFileSync(
  "soffice",
  [
    "--headless",
    "--infilter=CSV:59,34,76,1,,9226",
    "--convert-to",
    "html",
    "--outdir",
    work,
    join(work, "export.csv"),
  ],
  { stdio: "ignore", env: { ...process.env, HOME: work } },
);
const html = readFileSync(join(work, "export.html"), "utf8");

// The CSV's totals, in cents, read as text (decimal comma).
const lines = readFileSync(csvPath, "utf8")
  .replace(/^\uFEFF/, "")
  .trim()
  .split(/\r?\n/);
const header = lines[0].split(";");
const totalColumn = header.indexOf("total");
const csvCents = lines
  .slice(1)
  .reduce((sum, line) => sum + BigInt(line.split(";")[totalColumn].replace(",", "")), 0n);

// Calc's cells: each numeric one carries its value (`sdval`), as Calc parsed it.
const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...row[1].matchAll(/<td([^>]*)>/g)]);
let calcCents = 0n;
for (const cells of rows.slice(1)) {
  const value = /sdval="([^"]+)"/.exec(cells[totalColumn]?.[1] ?? "")?.[1];
  if (value === undefined)
    throw new Error(`a total Calc did not read as a number: row ${rows.indexOf(cells)}`);
  calcCents += BigInt(Math.round(Number(value) * 100));
}
if (calcCents !== csvCents) throw new Error(`Calc sums ${calcCents} cents, the CSV ${csvCents}`);
console.log(`LibreOffice read ${rows.length - 1} rows; totals sum ${csvCents} cents in both`);

// The sheet as Calc laid it out, its long CUFE column narrowed so the totals fit in the picture.
writeFileSync(
  join(work, "export.html"),
  html.replace(
    "</head>",
    "<style>body{margin:8px;font:12px sans-serif} td{border:1px solid #ccc;padding:1px 4px;white-space:nowrap}" +
      " td:nth-child(4){max-width:90px;overflow:hidden;text-overflow:ellipsis} tr:first-child td{background:#eee;font-weight:bold}</style></head>",
  ),
);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
const page = await browser.newPage({ viewport: { width: 1800, height: 640 } });
await page.goto(`file://${join(work, "export.html")}`);
await page.screenshot({ path: join(root, "docs/month-end-export-libreoffice.png") });
await browser.close();
console.log("wrote docs/month-end-export-libreoffice.png");
