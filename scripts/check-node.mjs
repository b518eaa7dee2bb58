// Stops in one line, before anything is installed or built, on a Node.js older than the
// `engines` field allows. It runs before dependencies exist, so it uses none.
import { readFileSync } from 'node:fs';

const { engines } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const minimum = engines.node.replace(/^>=\s*/, '');
const [needMajor, needMinor] = minimum.split('.').map(Number);
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < needMajor || (major === needMajor && minor < needMinor)) {
  console.error(
    `Consultation Workspace needs Node.js ${minimum} or newer (24 LTS recommended, see .nvmrc); this is Node.js ${process.version}.`,
  );
  process.exit(1);
}
