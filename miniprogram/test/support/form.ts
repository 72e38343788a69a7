import { waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/** The native <input> inside the Taro Input with this id (the ids the browser journeys use too). */
export function input(id: string): HTMLInputElement {
  const field = document.querySelector<HTMLInputElement>(`#${id} input`);
  if (!field) throw new Error(`no input #${id}`);
  return field;
}

/** Replaces what is typed in the Taro Input with this id, key by key as a customer types. */
export async function typeInto(id: string, text: string): Promise<void> {
  // Stencil renders the native input a task after React mounts the Taro Input around it, and a
  // field disabled while a request is in flight becomes editable a render after the answer.
  const field = await waitFor(() => {
    const found = input(id);
    if (found.disabled || found.readOnly) throw new Error(`#${id} is not editable yet`);
    return found;
  });
  await userEvent.clear(field);
  if (text !== '') await userEvent.type(field, text);
}
