import { createElement } from 'react';
import './browser-file-button.scss';

interface BrowserFileButtonProps {
  /** What the button says, e.g. 选择名册文件. */
  label: string;
  /** The input's accept list, e.g. `.xlsx,.csv`. */
  accept: string;
  /** A class for the hidden input, which tests fill with `setInputFiles`. */
  inputClassName: string;
  onChosen: (file: File) => void;
  /** While a chosen file is on its way: the button greys out and opens nothing. */
  disabled?: boolean;
}

/**
 * The browser build's file chooser as a button in Chinese. A bare `<input type="file">` shows
 * the browser's own words (“Choose File”, “No file chosen”) in the browser's language, so the
 * input sits hidden inside a label that opens it. The mini-program picks files its own way.
 */
export function BrowserFileButton({ label, accept, inputClassName, onChosen, disabled = false }: BrowserFileButtonProps) {
  return createElement(
    'label',
    { className: disabled ? 'browser-file-button browser-file-button--disabled' : 'browser-file-button' },
    createElement('input', {
      className: `browser-file-button__input ${inputClassName}`,
      type: 'file',
      accept,
      disabled,
      onChange: (event: { target: HTMLInputElement }) => {
        const file = event.target.files?.[0];
        if (file) onChosen(file);
        // The same file chosen again is a change too.
        event.target.value = '';
      },
    }),
    createElement('span', { className: 'browser-file-button__label' }, label),
  );
}
