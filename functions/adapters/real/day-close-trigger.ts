// Starts the day close in its own function. The console's 立即执行 sends an asynchronous invoke
// (InvocationType Event), so its request returns at once and the close has the job's 15 minutes:
// Lambda queues the event and answers 202; the close records its progress in its run. The
// automation route of the local and test stages (POST /v1/admin/day-close) waits for the close's
// answer instead (RequestResponse), so that its own function never bundles the close.
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { DayCloseRequest } from '../../contract/day-close-request.js';

export interface DayCloseTrigger {
  /** Queues the close `request` asks for; resolves once Lambda has accepted it, not when it ends. */
  start(request: DayCloseRequest): Promise<void>;
  /** Runs the close `request` asks for and resolves with the function's answer once it has ended. */
  run(request: DayCloseRequest): Promise<unknown>;
}

/** `endpoint`: serverless offline's Lambda API on the local stage (which takes any credentials);
 *  absent on AWS, where the function's role signs. */
export function lambdaDayCloseTrigger(options: { functionName: string; endpoint: string | undefined }): DayCloseTrigger {
  const lambda = new LambdaClient(
    options.endpoint ? { endpoint: options.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {},
  );
  const invoke = async (request: DayCloseRequest, type: 'Event' | 'RequestResponse', expectedStatus: number) => {
    const { StatusCode, FunctionError, Payload } = await lambda.send(
      new InvokeCommand({ FunctionName: options.functionName, InvocationType: type, Payload: new TextEncoder().encode(JSON.stringify(request)) }),
    );
    if (StatusCode !== expectedStatus || FunctionError) throw new Error(`dayClose invoke answered ${StatusCode}${FunctionError ? ` ${FunctionError}` : ''}`);
    return Payload;
  };
  return {
    async start(request) {
      await invoke(request, 'Event', 202);
    },
    async run(request) {
      const payload = await invoke(request, 'RequestResponse', 200);
      return payload?.length ? JSON.parse(new TextDecoder().decode(payload)) : null;
    },
  };
}
