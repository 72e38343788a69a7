import { describe, expect, jest, test } from '@jest/globals';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PinKeypad } from '@/components/PinKeypad';

const key = (name: string) => document.getElementById(`pin-key-${name}`)!;
const boxes = () => Array.from(document.getElementById('pin-boxes')!.children);
/** Boxes showing a dot: the only mark a digit leaves. */
const filledBoxes = () => boxes().filter((box) => box.childElementCount > 0).length;

async function tap(keys: string) {
  for (const name of keys) await userEvent.click(key(name));
}

function renderPad(disabled = false) {
  const onComplete = jest.fn();
  const view = render(<PinKeypad disabled={disabled} onComplete={onComplete} />);
  return { onComplete, view };
}

describe('PinKeypad', () => {
  test('our own keys 0–9 and 删除, laid out 1 2 3 / 4 5 6 / 7 8 9 / · 0 删除', () => {
    renderPad();
    const rows = Array.from(document.getElementById('pin-keys')!.children, (row) => row.textContent);
    expect(rows).toEqual(['123', '456', '789', '0删除']);
    for (const digit of '0123456789') expect(key(digit)).toHaveTextContent(new RegExp(`^${digit}$`));
    expect(key('delete')).toHaveTextContent('删除');
  });

  test('no text field anywhere: no system keyboard, input method or autofill sees the PIN', async () => {
    renderPad();
    await tap('123');
    expect(document.querySelector('input, textarea, [contenteditable], taro-input-core')).toBeNull();
  });

  test('each digit fills a box with a dot, never the digit itself', async () => {
    renderPad();
    await tap('739');
    expect(filledBoxes()).toBe(3);
    expect(boxes()).toHaveLength(6);
    expect(document.getElementById('pin-boxes')!.textContent).toBe('');
    // Nothing on the pad but the keys' own labels.
    expect(document.body.textContent).toBe('1234567890删除');
  });

  test('删除 takes the last digit back', async () => {
    const { onComplete } = renderPad();
    await tap('12');
    await userEvent.click(key('delete'));
    expect(filledBoxes()).toBe(1);
    await tap('34567');
    expect(onComplete).toHaveBeenCalledWith('134567');
  });

  test('删除 on empty boxes does nothing', async () => {
    const { onComplete } = renderPad();
    await userEvent.click(key('delete'));
    await tap('654321');
    expect(onComplete).toHaveBeenCalledWith('654321');
  });

  test('the sixth digit hands the six over once, and the boxes are empty again at once', async () => {
    const { onComplete } = renderPad();
    await tap('48021');
    expect(onComplete).not.toHaveBeenCalled();
    await tap('3');
    expect(onComplete).toHaveBeenCalledTimes(1);
    expect(onComplete).toHaveBeenCalledWith('480213');
    expect(filledBoxes()).toBe(0);
    // The next digits start a new PIN, not a seventh digit of the last.
    await tap('111111');
    expect(onComplete).toHaveBeenLastCalledWith('111111');
  });

  test('while disabled, taps enter nothing', async () => {
    const { onComplete, view } = renderPad(true);
    await tap('123456');
    expect(filledBoxes()).toBe(0);
    expect(onComplete).not.toHaveBeenCalled();
    view.rerender(<PinKeypad disabled={false} onComplete={onComplete} />);
    await tap('123456');
    expect(onComplete).toHaveBeenCalledWith('123456');
  });
});
