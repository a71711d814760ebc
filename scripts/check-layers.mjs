#!/usr/bin/env node
// Checks the layering the crate graph stands for (docs/architecture.md):
//   1. each crate depends only on the workspace crates below it:
//        engine ← plans ← words ← render ← web, cli
//   2. no import circle between the modules (files) of a crate.
// Reads Cargo.toml files and Rust `use` paths as text (test code left out: files named
// tests.rs / *_tests.rs / test_*.rs, and everything after a file's first `#[cfg(test)]`).
// Run from anywhere: `node scripts/check-layers.mjs`; exits 1 and names what is wrong.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, dirname, basename } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const layers = ['engine', 'plans', 'words', 'render', 'web', 'cli'];
const allowed = {
  engine: [],
  plans: ['engine'],
  words: ['engine', 'plans'],
  render: ['engine', 'plans', 'words'],
  web: ['engine', 'plans', 'words', 'render'],
  cli: ['engine', 'plans', 'words', 'render'],
};
const crateName = (layer) => (layer === 'cli' ? 'swplan' : `swplan-${layer}`);
const problems = [];

// 1. The crate graph.
for (const layer of layers) {
  const manifest = readFileSync(join(root, 'crates', layer, 'Cargo.toml'), 'utf8');
  for (const other of layers) {
    if (other === layer) continue;
    const dependency = new RegExp(`^${crateName(other)}(\\.workspace)?\\s*=`, 'm');
    if (dependency.test(manifest) && !allowed[layer].includes(other)) {
      problems.push(`crate ${crateName(layer)} depends on ${crateName(other)}, a layer above or beside it`);
    }
  }
}

// 2. Module circles inside each crate.
function rustFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'bin' ? [] : rustFiles(path);
    return name.endsWith('.rs') ? [path] : [];
  });
}
const isTestFile = (path) => /(^|_)tests?\.rs$|^test_/.test(basename(path));

// The module path of a file: src/a/b.rs and src/a/b/mod.rs are `a::b`; lib.rs is the root.
function modulePath(src, file) {
  const parts = relative(src, file).replace(/\.rs$/, '').split('/');
  if (parts.at(-1) === 'mod' || parts.at(-1) === 'lib') parts.pop();
  return parts;
}

// Every `use` path of a file's non-test code, with brace groups expanded.
function usePaths(text) {
  const code = text.split(/^\s*#\[cfg\(test\)\]/m)[0].replace(/\/\/.*$/gm, '');
  const paths = [];
  const expand = (prefix, body) => {
    let depth = 0, start = 0;
    const items = [];
    for (let i = 0; i <= body.length; i++) {
      const c = body[i];
      if (c === '{') depth++;
      if (c === '}') depth--;
      if ((c === ',' && depth === 0) || i === body.length) {
        items.push(body.slice(start, i).trim());
        start = i + 1;
      }
    }
    for (const item of items.filter(Boolean)) {
      const brace = item.indexOf('{');
      if (brace >= 0) expand(prefix + item.slice(0, brace), item.slice(brace + 1, item.lastIndexOf('}')));
      else paths.push((prefix + item).split(/\s+as\s+/)[0].trim());
    }
  };
  for (const m of code.matchAll(/^\s*(pub(\([^)]*\))?\s+)?use\s+([^;]+);/gm)) {
    const isReexport = Boolean(m[1]);
    const body = m[3].replace(/\s+/g, ' ');
    const before = paths.length;
    expand('', body);
    if (isReexport) paths.splice(before).forEach((p) => paths.push(`reexport:${p}`));
  }
  // Paths written in code, not imported: `crate::a::b::f(…)`, `super::x::y`.
  for (const m of code.matchAll(/\b((?:crate|super)(?:::[a-z_][a-z0-9_]*)+)/g)) paths.push(m[1]);
  return paths;
}

for (const layer of layers) {
  const src = join(root, 'crates', layer, 'src');
  const files = rustFiles(src).filter((f) => !isTestFile(f));
  const byModule = new Map(files.map((f) => [modulePath(src, f).join('::'), f]));
  const edges = new Map(files.map((f) => [f, new Set()]));
  for (const file of files) {
    const here = modulePath(src, file);
    // `super` is the parent of this module; in a mod.rs / lib.rs it is the parent directory's.
    for (let path of usePaths(readFileSync(file, 'utf8'))) {
      const reexport = path.startsWith('reexport:');
      path = path.replace(/^reexport:/, '');
      let parts = path.split('::');
      if (parts[0] === 'crate') parts = parts.slice(1);
      else if (parts[0] === 'super') {
        let base = here.slice();
        while (parts[0] === 'super') { base = base.slice(0, -1); parts = parts.slice(1); }
        parts = base.concat(parts);
      } else if (parts[0] === 'self') parts = here.concat(parts.slice(1));
      else continue;
      // The longest prefix that is a module of this crate.
      for (let n = parts.length; n >= 0; n--) {
        const target = byModule.get(parts.slice(0, n).join('::'));
        if (target === undefined) continue;
        // A module re-exporting its own children is their facade, not a user of them.
        const child = modulePath(src, target).slice(0, here.length).join('::') === here.join('::');
        if (target !== file && !(reexport && child)) edges.get(file).add(target);
        break;
      }
    }
  }
  // Strongly connected components (Tarjan): any with two files or more is a circle.
  let index = 0;
  const stack = [], onStack = new Set(), indices = new Map(), low = new Map();
  const visit = (v) => {
    indices.set(v, index); low.set(v, index); index++;
    stack.push(v); onStack.add(v);
    for (const w of edges.get(v)) {
      if (!indices.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
      else if (onStack.has(w)) low.set(v, Math.min(low.get(v), indices.get(w)));
    }
    if (low.get(v) === indices.get(v)) {
      const component = [];
      let w;
      do { w = stack.pop(); onStack.delete(w); component.push(w); } while (w !== v);
      if (component.length > 1) {
        const inside = new Set(component);
        const ties = component.sort().flatMap((a) => [...edges.get(a)].filter((b) => inside.has(b))
          .map((b) => `    ${relative(src, a)} → ${relative(src, b)}`));
        problems.push(`import circle in ${crateName(layer)}: ${component.map((f) => relative(root, f)).join(' ↔ ')}\n${ties.join('\n')}`);
      }
    }
  };
  for (const f of files) if (!indices.has(f)) visit(f);
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log(`layers ok: ${layers.map(crateName).join(', ')} — each uses only the crates below it; no import circle inside a crate`);
