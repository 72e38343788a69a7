// esbuild plugins for the Lambda bundles: serverless.yml's custom.esbuild.plugins (serverless-esbuild
// requires this file, so it is JavaScript); bench/lambda.ts builds with them too.
import { execFile } from 'node:child_process';
import { copyFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, extname, join } from 'node:path';
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

/** The PDF engine and its font beside the bundle (functions/adapters/pdf.ts): a bundle that
 *  imports that module gets one loading `<bundle>.pdf-engine.mjs` (pdfkit and fontkit, built here
 *  with the bundle's options) and `<bundle>.noto-sans-sc.ttf` from its own folder. Named after the
 *  bundle, so serverless-esbuild packs them with that function only (as it packs `<bundle>.mjs.map`),
 *  and serverless offline finds them where it runs the bundle. */
// The font adapters/pdf.ts names.
const FONT_MODULE = '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf';

/** fontkit decodes WOFF2 with the brotli package (~470 KB of JavaScript); Node's zlib does the
 *  same. The statements' font is a TTF, so this only ever runs for a WOFF2. */
const brotliFromZlib = {
  name: 'brotli-from-zlib',
  setup(build) {
    build.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, () => ({ path: 'brotli-decompress', namespace: 'brotli-from-zlib' }));
    build.onLoad({ filter: /.*/, namespace: 'brotli-from-zlib' }, () => ({
      loader: 'js',
      contents: "import { brotliDecompressSync } from 'node:zlib'; export default (buffer) => new Uint8Array(brotliDecompressSync(buffer));",
    }));
  },
};

const pdfEngineBesideBundle = {
  name: 'pdf-engine-beside-bundle',
  setup(build) {
    const options = build.initialOptions;
    const extension = options.outExtension?.['.js'] ?? '.js';
    const first = [options.entryPoints].flat()[0];
    const source = options.outfile ?? (typeof first === 'string' ? first : first?.in ?? '');
    const bundleName = basename(source, extname(source));
    const engineFile = `${bundleName}.pdf-engine${extension}`;
    const fontFile = `${bundleName}.noto-sans-sc.ttf`;
    let renderer;
    build.onLoad({ filter: /[\\/]functions[\\/]adapters[\\/]pdf\.ts$/ }, (args) => {
      renderer = join(dirname(args.path), 'pdf-render.ts');
      return {
        loader: 'js',
        resolveDir: dirname(args.path),
        contents: [
          "import { fileURLToPath } from 'node:url';",
          'export async function renderPdf(layout) {',
          `  const { render } = await import(new URL(${JSON.stringify(`./${engineFile}`)}, import.meta.url).href);`,
          `  return render(layout, fileURLToPath(new URL(${JSON.stringify(`./${fontFile}`)}, import.meta.url)));`,
          '}',
        ].join('\n'),
      };
    });
    build.onEnd(async (result) => {
      if (!renderer || result.errors.length > 0 || options.write === false) return;
      const outdir = options.outdir ?? dirname(options.outfile);
      await build.esbuild.build({
        bundle: true,
        minify: options.minify,
        sourcemap: options.sourcemap,
        target: options.target,
        platform: options.platform,
        format: options.format,
        banner: options.banner,
        entryPoints: [renderer],
        outfile: join(outdir, engineFile),
        plugins: [brotliFromZlib],
        logLevel: 'warning',
      });
      await copyFile(createRequire(import.meta.url).resolve(FONT_MODULE), join(outdir, fontFile));
    });
  },
};

export default [openApiAtBuildTime, pdfEngineBesideBundle];
