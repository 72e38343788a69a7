// Local stand-ins for what a production bundle reaches outside DynamoDB on its first money POST:
// SSM Parameter Store (the secrets, through the AWS SDK pointed here by AWS_ENDPOINT_URL_SSM) and
// the card gateway's HTTP API (real/card-gateway.ts). Each counts what it answered, so the bench
// can tell the bundle really went through them.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { freePort } from '../../scripts/lib/ports.js';
import { onCleanup } from './cleanup.js';

export interface Fake {
  url: string;
  answered: () => number;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function serve(name: string, answer: (req: IncomingMessage, body: string) => { status: number; contentType: string; body: unknown }): Promise<Fake> {
  let answered = 0;
  const server: Server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const out = answer(req, body);
      if (out.status === 200) answered++;
      res.writeHead(out.status, { 'content-type': out.contentType }).end(JSON.stringify(out.body));
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  onCleanup(name, () => new Promise<void>((resolve) => server.close(() => resolve())));
  return { url: `http://127.0.0.1:${port}`, answered: () => answered };
}

/** SSM's GetParameter (AWS JSON 1.1) for one parameter, whose value is `value`. */
export function fakeSsm(parameterName: string, value: string): Promise<Fake> {
  return serve('fake SSM', (req, body) => {
    const target = req.headers['x-amz-target'];
    const asked = (JSON.parse(body || '{}') as { Name?: string }).Name;
    if (target !== 'AmazonSSM.GetParameter' || asked !== parameterName) {
      return { status: 400, contentType: 'application/x-amz-json-1.1', body: { __type: 'ParameterNotFound', message: `${String(target)} ${String(asked)}` } };
    }
    return {
      status: 200,
      contentType: 'application/x-amz-json-1.1',
      body: { Parameter: { Name: parameterName, Type: 'SecureString', Value: value, Version: 1, DataType: 'text' } },
    };
  });
}

/** The card gateway accepting every debit and credit. */
export function fakeCardGateway(): Promise<Fake> {
  let reference = 0;
  return serve('fake card gateway', (req) => {
    if (req.method !== 'POST' || !['/v1/cards/debit', '/v1/cards/credit'].includes(req.url ?? '')) {
      return { status: 404, contentType: 'application/json', body: { ok: false, code: 'NOT_FOUND', message: String(req.url) } };
    }
    reference++;
    return { status: 200, contentType: 'application/json', body: { ok: true, gatewayReference: `FAKE${reference}` } };
  });
}
