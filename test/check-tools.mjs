// Run by `npm test` before any test (npm's pretest): the tests drive real programs, so say exactly
// which are missing, and how to get them, rather than fail halfway through with a stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const onPath = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
const tools = [
  { what: 'Chromium, for the browser tests', present: existsSync(chromium), install: 'chromium' },
  { what: 'LibreOffice Calc, which opens the .xlsx downloads', present: onPath('soffice'), install: 'libreoffice-calc-nogui' },
  { what: 'LibreOffice Impress, which opens the .pptx presentation', present: existsSync('/usr/lib/libreoffice/program/pagein-impress'), install: 'libreoffice-impress-nogui' },
  { what: 'poppler-utils (pdftotext, pdfinfo), which read the report PDFs', present: onPath('pdftotext') && onPath('pdfinfo'), install: 'poppler-utils' },
];
const missing = tools.filter((t) => !t.present);
if (missing.length > 0) {
  console.error('The tests need programs this machine does not have:');
  for (const t of missing) console.error(`  - ${t.what} (Debian package ${t.install})`);
  console.error(`Install them with:\n  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing.map((t) => t.install).join(' ')}`);
  if (!existsSync(chromium)) console.error(`(or set CHROMIUM_PATH to a Chromium you have; it is looked for at ${chromium})`);
  process.exit(1);
}
