/**
 * The Tiptap half of `<portal-rich-text-editor>`, loaded with `import()` on first interaction so
 * the widgets' first chunks stay small (Tiptap and ProseMirror are ~150 kB gzip). Only nodes and
 * marks the server's allow-list keeps are enabled (server/schemas/richtext-policy.ts): headings,
 * bold/italic/underline/strike/code, lists, quotes, code blocks, links (http/https/mailto),
 * tables and images that are our own attachments.
 *
 * Tiptap puts its CSS into document.head by default; inside a shadow root that does not apply,
 * so `injectCSS` is off and the element carries the CSS itself (rich-text-editor.styles.ts).
 */
import { Editor, Extension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Image from '@tiptap/extension-image';
import { Placeholder } from '@tiptap/extensions';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import { attachmentImageSrc, isAllowedLink } from '../../../server/schemas/richtext-policy.js';
import type { CreateEditor, EditorCommand, EditorHandle, EditorHooks, EditorSnapshot } from './editor-handle.js';

const imageTypes = /^image\/(png|jpeg|gif|webp)$/;

/** Images show their attachment through a resolved URL; the document keeps the server's `src`. */
function attachmentImage(hooks: EditorHooks) {
  return Image.extend({
    parseHTML() {
      return [
        {
          tag: 'img[src]',
          getAttrs: (el: HTMLElement) => (attachmentImageSrc.test(el.getAttribute('src') ?? '') ? null : false),
        },
      ];
    },
    addAttributes() {
      return { src: { default: null }, alt: { default: null }, title: { default: null } };
    },
    addNodeView() {
      return ({ node }) => {
        const img = document.createElement('img');
        img.alt = String(node.attrs['alt'] ?? '');
        img.draggable = true;
        const src = String(node.attrs['src'] ?? '');
        hooks.resolveImage(src).then(
          (url) => {
            img.src = url;
          },
          () => {
            img.classList.add('broken');
          },
        );
        return { dom: img };
      };
    },
  }).configure({ inline: false, allowBase64: false });
}

/** Mod-K opens the element's link form (the element owns that UI). */
function linkShortcut(hooks: EditorHooks) {
  return Extension.create({
    name: 'portalLinkShortcut',
    addKeyboardShortcuts() {
      return {
        'Mod-k': () => {
          hooks.onLinkRequest();
          return true;
        },
      };
    },
  });
}

function splitFiles(list: FileList | null | undefined): { images: File[]; others: File[] } {
  const files = [...(list ?? [])];
  return { images: files.filter((f) => imageTypes.test(f.type)), others: files.filter((f) => !imageTypes.test(f.type)) };
}

export const createEditor: CreateEditor = (options) => {
  const { hooks } = options;
  const editor = new Editor({
    element: options.element,
    content: options.content,
    editable: options.editable,
    injectCSS: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        link: {
          openOnClick: false,
          autolink: true,
          linkOnPaste: true,
          defaultProtocol: 'https',
          protocols: ['mailto'],
          isAllowedUri: (url) => isAllowedLink(url),
        },
      }),
      // Without the inline widths Tiptap writes into the HTML: a page's CSP (style-src 'self')
      // blocks style attributes, and the server drops them anyway.
      Table.extend({
        renderHTML({ HTMLAttributes }) {
          const { style: _style, ...attributes } = HTMLAttributes as Record<string, unknown>;
          return ['table', attributes, ['tbody', 0]];
        },
      }).configure({ resizable: false }),
      TableRow,
      TableHeader,
      TableCell,
      attachmentImage(hooks),
      linkShortcut(hooks),
      ...(options.placeholder ? [Placeholder.configure({ placeholder: options.placeholder })] : []),
    ],
    editorProps: {
      attributes: options.attributes,
      handlePaste: (_view, event) => {
        const { images, others } = splitFiles(event.clipboardData?.files);
        if (images.length === 0 && others.length === 0) return false;
        if (images.length) hooks.onImageFiles(images, null);
        if (others.length) hooks.onOtherFiles(others);
        return true;
      },
      handleDrop: (view, event, _slice, moved) => {
        if (moved) return false;
        const { images, others } = splitFiles(event.dataTransfer?.files);
        if (images.length === 0 && others.length === 0) return false;
        event.preventDefault();
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? null;
        if (images.length) hooks.onImageFiles(images, at);
        if (others.length) hooks.onOtherFiles(others);
        return true;
      },
    },
    onUpdate: () => hooks.onChange(),
    onSelectionUpdate: () => hooks.onSelection(),
    onTransaction: () => hooks.onSelection(),
    onFocus: () => hooks.onFocus(),
    onBlur: () => hooks.onBlur(),
  });

  const chain = () => editor.chain().focus();
  const commands: Record<EditorCommand, () => boolean> = {
    bold: () => chain().toggleBold().run(),
    italic: () => chain().toggleItalic().run(),
    underline: () => chain().toggleUnderline().run(),
    strike: () => chain().toggleStrike().run(),
    code: () => chain().toggleCode().run(),
    heading2: () => chain().toggleHeading({ level: 2 }).run(),
    heading3: () => chain().toggleHeading({ level: 3 }).run(),
    bulletList: () => chain().toggleBulletList().run(),
    orderedList: () => chain().toggleOrderedList().run(),
    blockquote: () => chain().toggleBlockquote().run(),
    codeBlock: () => chain().toggleCodeBlock().run(),
    insertTable: () => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
    addRowAfter: () => chain().addRowAfter().run(),
    addColumnAfter: () => chain().addColumnAfter().run(),
    deleteRow: () => chain().deleteRow().run(),
    deleteColumn: () => chain().deleteColumn().run(),
    deleteTable: () => chain().deleteTable().run(),
    undo: () => chain().undo().run(),
    redo: () => chain().redo().run(),
  };

  const activeChecks: [EditorCommand, () => boolean][] = [
    ['bold', () => editor.isActive('bold')],
    ['italic', () => editor.isActive('italic')],
    ['underline', () => editor.isActive('underline')],
    ['strike', () => editor.isActive('strike')],
    ['code', () => editor.isActive('code')],
    ['heading2', () => editor.isActive('heading', { level: 2 })],
    ['heading3', () => editor.isActive('heading', { level: 3 })],
    ['bulletList', () => editor.isActive('bulletList')],
    ['orderedList', () => editor.isActive('orderedList')],
    ['blockquote', () => editor.isActive('blockquote')],
    ['codeBlock', () => editor.isActive('codeBlock')],
  ];

  const handle: EditorHandle = {
    dom: editor.view.dom as HTMLElement,
    html: () => editor.getHTML(),
    isEmpty: () => editor.isEmpty,
    setContent: (html) => {
      editor.commands.setContent(html, { emitUpdate: false });
    },
    run: (command) => commands[command](),
    snapshot: (): EditorSnapshot => {
      const can = editor.can();
      const enabled: EditorCommand[] = [];
      if (can.undo()) enabled.push('undo');
      if (can.redo()) enabled.push('redo');
      if (can.insertTable({ rows: 3, cols: 3, withHeaderRow: true })) enabled.push('insertTable');
      if (can.addRowAfter()) enabled.push('addRowAfter');
      if (can.addColumnAfter()) enabled.push('addColumnAfter');
      if (can.deleteRow()) enabled.push('deleteRow');
      if (can.deleteColumn()) enabled.push('deleteColumn');
      if (can.deleteTable()) enabled.push('deleteTable');
      return {
        active: activeChecks.filter(([, check]) => check()).map(([c]) => c),
        enabled,
        inTable: editor.isActive('table'),
        link: editor.isActive('link') ? String(editor.getAttributes('link')['href'] ?? '') : null,
        empty: editor.isEmpty,
      };
    },
    setLink: (href) => {
      if (href === null) {
        chain().extendMarkRange('link').unsetLink().run();
        return;
      }
      if (editor.state.selection.empty && !editor.isActive('link')) {
        chain()
          .insertContent({ type: 'text', text: href.replace(/^mailto:/, ''), marks: [{ type: 'link', attrs: { href } }] })
          .run();
      } else {
        chain().extendMarkRange('link').setLink({ href }).run();
      }
    },
    insertImage: (src, alt, at) => {
      const node = { type: 'image', attrs: { src, alt } };
      if (at === null) chain().insertContent(node).run();
      else chain().insertContentAt(at, node).run();
    },
    focus: (position) => {
      // at once, not in the next animation frame as Tiptap's focus command does: when the
      // editor takes over from the plain text area, keys typed in between must not get lost
      if (position) {
        const { doc } = editor.state;
        editor.commands.setTextSelection(position === 'end' ? doc.content.size : 0);
      }
      editor.view.focus();
    },
    setEditable: (editable) => editor.setEditable(editable, false),
    destroy: () => editor.destroy(),
  };
  return handle;
};
