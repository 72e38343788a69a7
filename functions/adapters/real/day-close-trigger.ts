// Starts the day close in its own function: an asynchronous invoke (InvocationType Event) of the
// dayClose function, so the console's request returns at once and the close has the job's 15
// minutes. Lambda queues the event and answers 202; the close records its progress in its run.
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import type { DayCloseRequest } from '../../contract/day-close-request.js';

export interface DayCloseTrigger {
  /** Queues the close `request` asks for; resolves once Lambda has accepted it, not when it ends. */
  start(request: DayCloseRequest): Promise<void>;
}

/** `endpoint`: serverless offline's Lambda API on the local stage (which takes any credentials);
 *  absent on AWS, where the function's role signs. */
export function lambdaDayCloseTrigger(options: { functionName: string; endpoint: string | undefined }): DayCloseTrigger {
  const lambda = new LambdaClient(
    options.endpoint ? { endpoint: options.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {},
  );
  return {
    async start(request) {
      const { StatusCode, FunctionError } = await lambda.send(
        new InvokeCommand({ FunctionName: options.functionName, InvocationType: 'Event', Payload: new TextEncoder().encode(JSON.stringify(request)) }),
      );
      if (StatusCode !== 202 || FunctionError) throw new Error(`dayClose invoke answered ${StatusCode}${FunctionError ? ` ${FunctionError}` : ''}`);
    },
  };
}
