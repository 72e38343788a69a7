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
  // Stencil renders the native input a task after React mounts the Taro Input around it.
  const field = await waitFor(() => input(id));
  await userEvent.clear(field);
  if (text !== '') await userEvent.type(field, text);
}
