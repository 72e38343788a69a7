// A request an operator sends from a form or a button: busy while it runs, and a refusal shown
// afterwards in the server's own words (cleared when the next one is sent).
import { useState } from 'react';
import { errorMessage } from '@/api/http';

export function useSubmission() {
  const [sending, setSending] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  /** Runs `work`; a failure becomes the refusal, never an unhandled rejection. */
  const send = async (work: () => Promise<void>): Promise<void> => {
    setSending(true);
    setRefusal(undefined);
    try {
      await work();
    } catch (error) {
      setRefusal(errorMessage(error));
    } finally {
      setSending(false);
    }
  };
  return { sending, refusal, send, clearRefusal: () => setRefusal(undefined) };
}
