// `node --import ./trace-loads.mjs …`: appends every module the process resolves (ESM imports
// and CommonJS requires) to the file named by IMAJIN_TRACE_LOADS, one URL or path a line, so a
// test can tell which packages a command loaded without timing anything.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';

const out = process.env.IMAJIN_TRACE_LOADS;
if (out) {
  register(
    `data:text/javascript,${encodeURIComponent(`
      import { appendFileSync } from 'node:fs';
      export async function resolve(specifier, context, next) {
        const r = await next(specifier, context);
        appendFileSync(${JSON.stringify(out)}, r.url + '\\n');
        return r;
      }`)}`,
  );
  const load = Module._load;
  Module._load = function traced(request, parent, isMain) {
    appendFileSync(out, `${request}\n`);
    return load.call(this, request, parent, isMain);
  };
}
