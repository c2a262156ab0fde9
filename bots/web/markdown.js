// A deliberately small Markdown renderer for answers.
//
// Supported: paragraphs, horizontal rules, **bold**, _emphasis_, bullet and numbered lists, headings, links to http(s),
// tel: and the internal knowledge pages (/wissen/… and artikel:…). Everything else stays text.
//
// Safety: parsing yields a plain tree of {type, text} objects; rendering builds DOM nodes and
// puts every piece of text in a text node. No string is ever parsed as HTML (no innerHTML),
// so `<img onerror=…>` in an answer or a question is shown literally.

/**
 * @typedef {{type:'text', text:string} | {type:'strong'|'em', children:Inline[]} |
 *           {type:'link', href:string, children:Inline[]} | {type:'break'}} Inline
 * @typedef {{type:'paragraph', children:Inline[]} | {type:'heading', level:number, children:Inline[]} |
 *           {type:'list', ordered:boolean, start:number, items:Inline[][]} | {type:'rule'}} Block
 */

const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const BULLET = /^\s{0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}(\d{1,9})[.)]\s+(.*)$/;
const QUOTE = /^\s{0,3}>\s?(.*)$/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;

/** @param {string} markdown @returns {Block[]} */
export function parseMarkdown(markdown) {
  const lines = String(markdown ?? '').replace(/\r\n?/g, '\n').split('\n');
  /** @type {Block[]} */
  const blocks = [];
  /** @type {string[]} */
  let paragraph = [];
  /** @type {{ordered:boolean, start:number, items:string[][]} | null} */
  let list = null;

  const flushParagraph = () => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', children: parseInlineLines(paragraph) });
    paragraph = [];
  };
  const flushList = () => {
    if (list) blocks.push({ type: 'list', ordered: list.ordered, start: list.start, items: list.items.map(parseInlineLines) });
    list = null;
  };

  for (const rawLine of lines) {
    const quoted = QUOTE.exec(rawLine);
    const line = quoted ? quoted[1] : rawLine;
    if (line.trim() === '') {
      flushParagraph();
      flushList();
      continue;
    }
    if (RULE.test(line)) {
      flushParagraph();
      flushList();
      blocks.push({ type: 'rule' });
      continue;
    }
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    if (heading) {
      flushParagraph();
      flushList();
      blocks.push({ type: 'heading', level: heading[1].length, children: parseInline(heading[2]) });
    } else if (bullet || numbered) {
      flushParagraph();
      const ordered = Boolean(numbered);
      if (list && list.ordered !== ordered) flushList();
      if (!list) list = { ordered, start: numbered ? Number(numbered[1]) : 1, items: [] };
      list.items.push([bullet ? bullet[1] : numbered ? numbered[2] : '']);
    } else if (list && /^\s+\S/.test(line)) {
      // An indented line continues the current list item.
      list.items[list.items.length - 1].push(line.trim());
    } else {
      flushList();
      paragraph.push(line.trim());
    }
  }
  flushParagraph();
  flushList();
  return blocks;
}

/** Lines of one block joined by line breaks. @param {string[]} lines @returns {Inline[]} */
function parseInlineLines(lines) {
  /** @type {Inline[]} */
  const out = [];
  lines.forEach((line, index) => {
    if (index > 0) out.push({ type: 'break' });
    out.push(...parseInline(line));
  });
  return out;
}

const INLINE = new RegExp(
  [
    String.raw`\*\*(?<strong>(?=\S)[\s\S]*?\S)\*\*`,
    String.raw`(?<![\w*])\*(?<em1>[^\s*](?:[^*]*?[^\s*])?)\*(?![\w*])`,
    String.raw`(?<![\w_])_(?<em2>[^\s_](?:[^_]*?[^\s_])?)_(?![\w_])`,
    String.raw`\[(?<label>[^\[\]]+)\]\(\s*<?(?<href>[^()\s<>]*)>?(?:\s+"[^"]*")?\s*\)`,
  ].join('|'),
  'g',
);

/** @param {string} text @returns {Inline[]} */
export function parseInline(text) {
  /** @type {Inline[]} */
  const out = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const index = match.index ?? 0;
    if (index > last) out.push({ type: 'text', text: text.slice(last, index) });
    const groups = match.groups ?? {};
    if (groups.strong !== undefined) {
      out.push({ type: 'strong', children: parseInline(groups.strong) });
    } else if (groups.em1 !== undefined || groups.em2 !== undefined) {
      out.push({ type: 'em', children: parseInline(groups.em1 ?? groups.em2) });
    } else {
      const label = parseInline(groups.label).filter((node) => node.type !== 'link');
      const href = safeHref(groups.href);
      if (href) out.push({ type: 'link', href, children: label });
      else out.push(...label);
    }
    last = index + match[0].length;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}

/**
 * The only link targets an answer may use. Returns a normalised href or null.
 * @param {string} raw
 */
export function safeHref(raw) {
  const value = String(raw ?? '').trim();
  if (/^https?:\/\//i.test(value)) {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
    } catch {
      return null;
    }
  }
  const tel = /^tel:([+\d][\d\s()\/-]*)$/i.exec(value);
  if (tel) return `tel:${tel[1].replace(/[^\d+]/g, '')}`;
  if (/^\/wissen\/[A-Za-z0-9\-_\/]*(#[A-Za-z0-9\-_]*)?$/.test(value)) return value;
  const article = /^artikel:([a-z0-9-]+)(#[A-Za-z0-9\-_]*)?$/.exec(value);
  if (article) return `/wissen/${article[1]}${article[2] ?? ''}`;
  return null;
}

/** Whether a link leaves the chat (opens in a new tab so the conversation stays open). */
export function opensNewTab(href) {
  return !href.startsWith('tel:');
}

/**
 * Renders Markdown into a fragment of DOM nodes.
 * @param {string} markdown
 * @param {Document} [doc]
 * @returns {DocumentFragment}
 */
export function renderMarkdown(markdown, doc = document) {
  const fragment = doc.createDocumentFragment();
  for (const block of parseMarkdown(markdown)) fragment.appendChild(renderBlock(block, doc));
  return fragment;
}

/** @param {Block} block @param {Document} doc @returns {HTMLElement} */
function renderBlock(block, doc) {
  if (block.type === 'rule') return doc.createElement('hr');
  if (block.type === 'heading') {
    // The page uses h1/h2; headings inside an answer start at h3.
    const heading = doc.createElement(block.level <= 2 ? 'h3' : 'h4');
    appendInline(heading, block.children, doc);
    return heading;
  }
  if (block.type === 'list') {
    const list = doc.createElement(block.ordered ? 'ol' : 'ul');
    if (block.ordered && block.start !== 1) list.setAttribute('start', String(block.start));
    for (const item of block.items) {
      const li = doc.createElement('li');
      appendInline(li, item, doc);
      list.appendChild(li);
    }
    return list;
  }
  const paragraph = doc.createElement('p');
  appendInline(paragraph, block.children, doc);
  return paragraph;
}

/** @param {HTMLElement} parent @param {Inline[]} nodes @param {Document} doc */
function appendInline(parent, nodes, doc) {
  for (const node of nodes) {
    if (node.type === 'text') parent.appendChild(doc.createTextNode(node.text));
    else if (node.type === 'break') parent.appendChild(doc.createElement('br'));
    else if (node.type === 'strong' || node.type === 'em') {
      const strong = doc.createElement(node.type);
      appendInline(strong, node.children, doc);
      parent.appendChild(strong);
    } else if (node.type === 'link') {
      const link = doc.createElement('a');
      link.setAttribute('href', node.href);
      if (opensNewTab(node.href)) {
        link.setAttribute('target', '_blank');
        link.setAttribute('rel', 'noopener noreferrer');
      }
      appendInline(link, node.children, doc);
      parent.appendChild(link);
    }
  }
}

/** Plain text of a Markdown answer (for summaries). @param {string} markdown */
export function markdownToPlainText(markdown) {
  return parseMarkdown(markdown)
    .map((block) => {
      if (block.type === 'rule') return '---';
      if (block.type === 'list') return block.items.map((item, i) => `${block.ordered ? `${block.start + i}.` : '-'} ${inlineText(item)}`).join('\n');
      return inlineText(block.children);
    })
    .join('\n\n');
}

/** @param {Inline[]} nodes @returns {string} */
function inlineText(nodes) {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.text;
      if (node.type === 'break') return '\n';
      if (node.type === 'link') return `${inlineText(node.children)} (${node.href})`;
      return inlineText(node.children);
    })
    .join('');
}
