import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, MaxLength } from 'class-validator';
import sanitizeHtml from 'sanitize-html';

/**
 * What staff rich text may hold: the tags and attributes the mini-program's `rich-text`
 * component renders (WeChat's list, narrowed to what an editor produces), and nothing that
 * runs, loads a page or escapes the text's box. The H5 build renders the same string as
 * HTML in the app's own origin, so this list is also what stands between staff input and
 * script in every alumnus's browser.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: (
    'p br h2 h3 h4 strong b em i u s del ins sub sup small mark blockquote pre code ul ol li hr ' +
    'span div section img a table thead tbody tr th td caption'
  ).split(' '),
  allowedAttributes: {
    '*': ['style'],
    a: ['href'],
    img: ['src', 'alt', 'width', 'height'],
    ol: ['start'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  // Relative addresses (our own uploads) pass; of the absolute ones only http(s).
  allowedSchemes: ['https', 'http'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  allowedStyles: {
    '*': {
      color: [/^#[0-9a-f]{3,8}$/i, /^rgba?\(\s*[\d.\s,%]+\)$/i],
      'background-color': [/^#[0-9a-f]{3,8}$/i, /^rgba?\(\s*[\d.\s,%]+\)$/i],
      'text-align': [/^(left|right|center|justify)$/],
      'font-weight': [/^(normal|bold|[1-9]00)$/],
      'font-style': [/^(normal|italic)$/],
      'text-decoration': [/^(none|underline|line-through)$/],
    },
    img: { 'max-width': [/^100%$/], height: [/^auto$/] },
  },
  // Content inside a dropped script or style is dropped with it, not shown as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'iframe', 'object'],
  transformTags: {
    // Phones are narrow: a photo never widens the page.
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, style: 'max-width:100%;height:auto' } }),
    h1: 'h2',
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

const TAG = /<[a-z!/?]/i;

/** Text typed without any markup: its blank lines make paragraphs and its line breaks stay. */
function paragraphs(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => `<p>${escape(block)}</p>`.replace(/\r?\n/g, '<br />'))
    .join('');
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Staff rich text as it may be stored and shown: event descriptions, campaign stories and
 * any later module's long text. Whatever the client sent, the result holds only the
 * allowed tags, attributes, styles and link schemes; plain text becomes paragraphs.
 */
export function sanitizeRichText(input: string, options: RichTextOptions = {}): string {
  if (!TAG.test(input)) return paragraphs(input);
  const { imageSrc } = options;
  if (!imageSrc) return sanitizeHtml(input, OPTIONS).trim();
  return sanitizeHtml(input, {
    ...OPTIONS,
    exclusiveFilter: (frame) => frame.tag === 'img' && !(frame.attribs.src && imageSrc(frame.attribs.src)),
  }).trim();
}

/** What a field narrows beyond the common list. */
export interface RichTextOptions {
  /**
   * Which images it may show (others are dropped): text alumni write shows only pictures that
   * went through the app's own upload path, WeChat's image check included, never any web address.
   */
  imageSrc?: (src: string) => boolean;
}

/**
 * A DTO field of staff rich text: a string of at most `maxLength` characters as sent,
 * stored sanitised. Non-strings pass through untouched so `IsString` names the field.
 */
export function RichText(maxLength: number, options: RichTextOptions = {}): PropertyDecorator {
  return applyDecorators(
    IsString(),
    MaxLength(maxLength),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? sanitizeRichText(value, options) : value)),
  );
}

/** The words of stored rich text without its markup (what a content check or a summary reads). */
export function richTextWords(html: string): string {
  // A block's end is a word break: `<p>一</p><p>二</p>` reads 一 二, not 一二.
  const spaced = html.replace(/<br\s*\/?>|<\/(p|h[2-4]|li|div|section|blockquote|pre|td|th|caption)>/gi, ' $&');
  return sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {}, nonTextTags: OPTIONS.nonTextTags })
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
