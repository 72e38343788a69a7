// The one logger of every function, handler and job alike. Powertools writes JSON lines; the
// middleware below puts the Lambda context (function, cold start, Lambda request id) and the
// API Gateway request id (as the correlation id) on every line a request logs.
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { MiddlewareObj } from '@middy/core';

export const logger = new Logger({ serviceName: 'jinlin', logLevel: (process.env.LOG_LEVEL ?? 'INFO') as 'INFO' });

/** Middy middleware: Lambda context and request id on every log line of this invocation, and
 *  nothing of it left behind for the next one (resetKeys). */
export function logContext(): MiddlewareObj<{ requestContext?: { requestId?: string } }> {
  const inject = injectLambdaContext(logger, { resetKeys: true });
  return {
    before: async (request) => {
      await inject.before?.(request as never);
      const requestId = request.event?.requestContext?.requestId;
      if (requestId) logger.setCorrelationId(requestId);
    },
    after: async (request) => {
      await inject.after?.(request as never);
    },
    onError: async (request) => {
      await inject.onError?.(request as never);
    },
  };
}
