// @tarojs/components for the weapp Jest project: the H5 mocks, except that `Image` keeps
// WeChat's rule on `src` and loads network images through the fake, and `Canvas` is a 2D node.
import { createElement, forwardRef, useEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { breakRule } from './rules';
import { canvases, canvasNode, imageProblem, loadImage } from './wx';

export { Input, Picker, Text, Textarea, View } from '../mocks/taro-components';

interface ImageProps {
  className?: string;
  style?: CSSProperties;
  src?: string;
  mode?: string;
  onClick?: () => void;
}

/**
 * WeChat's `<image>`: a src that is not an https URL, a temporary file, a data URI or a file
 * of the code package breaks the rule; an https one is fetched, and the element says whether
 * a picture came back (`data-state` loading → loaded | failed), as a person would see.
 */
export const Image = forwardRef<HTMLImageElement, ImageProps>(function WeappImage({ className, style, src, onClick }, ref) {
  const [state, setState] = useState<'loading' | 'loaded' | 'failed'>('loading');
  useEffect(() => {
    const problem = imageProblem(src);
    if (problem) {
      breakRule('image.src', `<image>: ${problem}`);
      setState('failed');
      return;
    }
    let gone = false;
    void loadImage(src!).then(
      (ok) => !gone && setState(ok ? 'loaded' : 'failed'),
      () => !gone && setState('failed'),
    );
    return () => {
      gone = true;
    };
  }, [src]);
  return createElement('img', { ref, className, style, src, onClick, 'data-state': state });
});

export function Button({
  className,
  openType,
  onClick,
  children,
}: {
  className?: string;
  openType?: string;
  onClick?: () => void;
  children?: ReactNode;
}) {
  return createElement('button', { className, onClick, 'data-open-type': openType }, children);
}

/** `<canvas type="2d" id>`: its node is what createSelectorQuery finds. */
export function Canvas({ id, className }: { id?: string; className?: string; type?: string; style?: CSSProperties }) {
  const node = useRef(canvasNode());
  useEffect(() => {
    if (!id) return;
    canvases.set(id, node.current);
    return () => void canvases.delete(id);
  }, [id]);
  return createElement('canvas', { id, className });
}

/** WeChat's `<rich-text nodes>`: pictures inside keep the `<image>` rule (a server path shows nothing). */
export function RichText({ className, nodes }: { className?: string; nodes?: string }) {
  for (const [, src] of (nodes ?? '').matchAll(/<img[^>]*\ssrc="([^"]*)"/g)) {
    const problem = imageProblem(src);
    if (problem) breakRule('image.src', `<rich-text> picture: ${problem}`);
  }
  return createElement('div', { className, dangerouslySetInnerHTML: { __html: nodes ?? '' } });
}

export function Switch({
  className,
  checked,
  onChange,
}: {
  className?: string;
  checked?: boolean;
  onChange?: (event: { detail: { value: boolean } }) => void;
}) {
  return createElement('input', { type: 'checkbox', className, checked, onChange: () => onChange?.({ detail: { value: !checked } }) });
}
