// esbuild plugins for the Lambda bundles: serverless.yml's custom.esbuild.plugins (serverless-esbuild
// requires this file, so it is JavaScript); bench/lambda.ts builds with them too.
import { execFile } from 'node:child_process';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompressSync, constants } from 'node:zlib';

const execFileAsync = promisify(execFile);

/** What the child runs: the module as written, under tsx. A process of its own because zod's
 *  schema registry, which the document lists, is global to a process: the build's process would
 *  keep what an earlier build of it registered. */
const GENERATE = 'const { openApiDocument } = await import(process.env.OPENAPI_MODULE); process.stdout.write(JSON.stringify(openApiDocument()));';

/** The OpenAPI document is generated at build time: a bundle that imports
 *  functions/contract/openapi.ts gets the document it generates, brotli-compressed (~30 KB for
 *  ~360 KB of JSON), instead of the generator, every route's schemas and zod's JSON Schema
 *  conversion. Run from source (tests, scripts), openapi.ts generates it as written. */
const openApiAtBuildTime = {
  name: 'openapi-at-build-time',
  setup(build) {
    build.onLoad({ filter: /[\\/]functions[\\/]contract[\\/]openapi\.ts$/ }, async (args) => {
      const { stdout } = await execFileAsync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', GENERATE], {
        cwd: dirname(args.path),
        env: { ...process.env, OPENAPI_MODULE: pathToFileURL(args.path).href },
        maxBuffer: 64 * 1024 * 1024,
      });
      const packed = brotliCompressSync(stdout, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: Buffer.byteLength(stdout) } });
      return {
        loader: 'js',
        resolveDir: dirname(args.path),
        contents: [
          "import { brotliDecompressSync } from 'node:zlib';",
          `const packed = ${JSON.stringify(packed.toString('base64'))};`,
          "export const openApiDocument = () => JSON.parse(brotliDecompressSync(Buffer.from(packed, 'base64')).toString('utf8'));",
        ].join('\n'),
      };
    });
  },
};

export default [openApiAtBuildTime];
