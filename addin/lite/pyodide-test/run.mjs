// make test-lite: the xlwings Lite functions in real Pyodide under Node.js, against CPython.
// Usage: node run.mjs <wheel folder> <lite_check.py> <main.py> <calls.json> <expected.json>
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { loadPyodide } from "pyodide";

const [wheels, check, main, callsFile, expectedFile] = process.argv.slice(2);
const started = performance.now();
const pyodide = await loadPyodide();
const loaded = performance.now();
const installed = [];
for (const file of readdirSync(wheels).filter((f) => f.endsWith(".whl")).sort()) {
  pyodide.unpackArchive(new Uint8Array(readFileSync(path.join(wheels, file))), "wheel");
  installed.push(file.split("-").slice(0, 2).join(" "));
}
for (const [source, target] of [[check, "/work/lite_check.py"], [main, "/work/main.py"], [callsFile, "/work/calls.json"]]) {
  pyodide.FS.mkdirTree("/work");
  pyodide.FS.writeFile(target, readFileSync(source));
}
let answer;
try {
  answer = JSON.parse(
    pyodide.runPython(
      'import sys; sys.path.insert(0, "/work"); import lite_check; lite_check.run("/work/main.py", "/work/calls.json")',
    ),
  );
} catch (error) {
  console.error(`Pyodide: ${error.message}`); // the message only, not the minified runtime
  process.exit(1);
}
const done = performance.now();
const expected = JSON.parse(readFileSync(expectedFile, "utf8"));
const calls = JSON.parse(readFileSync(callsFile, "utf8"));
const differ = [];
calls.forEach((call, i) => {
  const ours = JSON.stringify(answer.results[i]);
  const theirs = JSON.stringify(expected.results[i]);
  if (ours !== theirs) differ.push(`${call.function} (${call.style}): Pyodide ${ours} ≠ CPython ${theirs}`);
});
if (JSON.stringify(answer.declared) !== JSON.stringify(expected.declared)) {
  differ.push("de @func/@arg-declaraties verschillen");
}
const noErrorOption = Object.entries(answer.declared).flatMap(([f, args]) =>
  Object.entries(args).filter(([, o]) => o.err_to_str !== true || o.ndim !== 2).map(([a]) => `${f}.${a}`),
);
if (noErrorOption.length) differ.push(`zonder err_to_str=True/ndim=2: ${noErrorOption.join(", ")}`);
const functions = new Set(calls.map((c) => c.function)).size;
const styles = new Set(calls.map((c) => c.style.replace(/\d+$/, ""))).size;
const seconds = (ms) => (ms / 1000).toFixed(1);
console.log(
  `Pyodide ${pyodide.version} (Python ${answer.python}, ${answer.platform}), Node ${process.version}: ` +
    `${calls.length} aanroepen van ${functions} functies in ${styles} invoervormen; ` +
    `${calls.length - differ.length} gelijk aan CPython ${expected.python}`,
);
console.log(
  `tijd: Pyodide laden ${seconds(loaded - started)} s, ${installed.length} wielen, aanroepen ${seconds(done - loaded)} s; ` +
    `traagste eerste aanroep ${answer.seconds.slowest_first_call[0]} ${answer.seconds.slowest_first_call[1].toFixed(2)} s`,
);
if (differ.length) {
  console.error(differ.slice(0, 20).join("\n"));
  process.exit(1);
}
