/**
 * Untrusted markdown (case findings) to safe HTML, in three layers:
 * 1. marked renders the markdown, and any raw HTML in it is shown as literal code, never as markup,
 *    so the investigator sees exactly what was written (`<script>…` included);
 * 2. DOMPurify keeps only a small allowlist of the tags and attributes marked itself produces;
 * 3. links are made inert: a link keeps its target only as `data-external-url` (https only), and a
 *    click on it asks main to confirm and open it (design.md §6). Images survive only as data: images.
 * Escaping raw HTML first also means the page never parses hostile markup at all: even the inert
 * parse inside DOMPurify would otherwise trip the page's CSP.
 */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { externalHttpsUrl } from '../../src-shared/urls.js';

export const EXTERNAL_URL_ATTR = 'data-external-url';

const ALLOWED_TAGS = [
  ...['p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'code', 'kbd'],
  ...['strong', 'em', 'b', 'i', 'del', 's', 'sub', 'sup', 'span'],
  ...['ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'img'],
];
const ALLOWED_ATTR = ['href', 'title', 'alt', 'src', 'align', 'start'];
const DATA_IMAGE = /^data:image\/(?:png|gif|jpeg|webp);base64,[a-z0-9+/=\s]+$/i;

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    // Raw HTML in the markdown (blocks and inline tags) is displayed as code, not rendered.
    html({ text, block }) {
      const code = `<code>${escapeHtml(block ? text.replace(/\n+$/, '') : text)}</code>`;
      return block ? `<pre>${code}</pre>\n` : code;
    },
    // Only embedded images are shown; any other image is named, never fetched.
    image({ href, text }) {
      if (DATA_IMAGE.test(href)) return `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}">`;
      return `<span title="Images from other places are not loaded.">[image: ${escapeHtml(text)}]</span>`;
    },
  },
});

// A private instance, so these hooks never affect another use of DOMPurify.
const purifier = DOMPurify(window);

purifier.addHook('uponSanitizeAttribute', (node, data) => {
  // <img> keeps only an inline raster image: no request ever leaves the page for an image.
  if (node.nodeName === 'IMG' && data.attrName === 'src' && !DATA_IMAGE.test(data.attrValue)) {
    data.keepAttr = false;
  }
});

purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.nodeName !== 'A') return;
  const element = node as Element;
  const url = httpsUrl(element.getAttribute('href'));
  // No element in the output has an href: a click can never navigate the window.
  element.removeAttribute('href');
  if (url) {
    element.setAttribute(EXTERNAL_URL_ATTR, url);
    element.setAttribute('role', 'link');
    element.setAttribute('tabindex', '0');
    if (!element.hasAttribute('title')) element.setAttribute('title', `${url} (opens in your browser)`);
  } else {
    element.setAttribute('title', 'Link removed: only https links can be opened.');
  }
});

/** The normalised URL when it is an absolute `https:` URL without credentials; otherwise null. */
export const httpsUrl = externalHttpsUrl;

/** Sanitised HTML for untrusted markdown. */
export function renderMarkdown(markdown: string): string {
  const html = marked.parse(markdown) as string;
  return purifier.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOWED_URI_REGEXP: /^https:/i,
    FORBID_TAGS: ['style', 'script', 'iframe', 'object', 'embed', 'form', 'svg', 'math'],
    KEEP_CONTENT: true,
  });
}
