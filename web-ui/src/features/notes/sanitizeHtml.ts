import DOMPurify from 'dompurify';

/** The elements customer-service's policy keeps (README: "Rich text: what notes may contain"). */
const ALLOWED_TAGS = ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'strike', 'del', 'h2', 'h3', 'h4', 'ul', 'ol',
  'li', 'blockquote', 'code', 'pre', 'a'];

/** http, https, mailto, or a relative URL; nothing else. */
const ALLOWED_URI = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

const purifier = DOMPurify();
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('rel', 'nofollow noopener noreferrer');
    node.setAttribute('target', '_blank');
  }
});

/** Rich text the server sanitised, sanitised again in the browser as defence in depth. */
export function sanitizeHtml(html: string): string {
  return purifier.sanitize(html, { ALLOWED_TAGS, ALLOWED_ATTR: ['href'], ALLOWED_URI_REGEXP: ALLOWED_URI });
}
