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
