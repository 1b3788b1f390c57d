/** The public events of `<portal-file-drop>` (facts, past tense; they bubble and are composed). */

/** A file the server stored (a draft upload until a ticket or position claims it). */
export interface UploadedFile {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  /** raster images the portal may preview inline */
  previewable: boolean;
}

export interface FilesChangedDetail {
  /** every stored file, in the order they were added */
  files: UploadedFile[];
  /** uploads still in flight */
  uploading: number;
  /** files that could not be stored (shown with their error until removed) */
  failed: number;
}

/** The list changed: a file finished uploading, failed, or was removed. */
export class FilesChangedEvent extends Event {
  static readonly eventName = 'files-changed';
  constructor(readonly detail: FilesChangedDetail) {
    super(FilesChangedEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'files-changed': FilesChangedEvent;
  }
}
