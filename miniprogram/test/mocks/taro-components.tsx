// Taro's components rendered as the plain DOM elements they become in the H5 build.
import { createElement, forwardRef, type CSSProperties, type ReactNode } from 'react';

interface Props {
  className?: string;
  style?: CSSProperties;
  id?: string;
  src?: string;
  onClick?: () => void;
  children?: ReactNode;
}

function element(tag: string) {
  return forwardRef<HTMLElement, Props>(function TaroElement({ className, style, id, src, onClick, children }, ref) {
    return createElement(tag, { ref, className, style, id, src, onClick }, children);
  });
}

export const View = element('div');
export const Text = element('span');
export const Image = element('img');
export const Button = element('button');

interface FieldProps {
  className?: string;
  value?: string;
  placeholder?: string;
  onInput?: (event: { detail: { value: string } }) => void;
  onConfirm?: () => void;
}

/** Input and Textarea call onInput with `{ detail: { value } }`, as Taro does. */
function field(tag: 'input' | 'textarea') {
  return function TaroField({ className, value, placeholder, onInput, onConfirm }: FieldProps) {
    return createElement(tag, {
      className,
      value,
      placeholder,
      onChange: (event: { target: { value: string } }) => onInput?.({ detail: { value: event.target.value } }),
      onKeyDown: (event: { key: string }) => event.key === 'Enter' && onConfirm?.(),
    });
  };
}

export const Input = field('input');
export const Textarea = field('textarea');

/** Only the picker's face renders; tests do not open its wheel. */
export function Picker({ children }: { children?: ReactNode }) {
  return createElement('div', { className: 'taro-picker' }, children);
}
