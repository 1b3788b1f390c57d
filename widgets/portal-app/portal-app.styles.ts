import { css } from 'lit';

export const portalAppStyles = css`
  :host {
    min-height: 100%;
    background: var(--_color-surface-raised);
    /* narrow layout by the element's own width, so it also works in a column of a host page */
    container-type: inline-size;
  }
  .base {
    position: relative;
    display: flex;
    flex-direction: column;
    min-height: inherit;
  }
  /* the first stop of the keyboard, shown only while it has the focus */
  .skip {
    position: absolute;
    z-index: 3;
    top: var(--_space-2);
    left: var(--_space-2);
  }
  .skip:not(:focus) {
    clip-path: inset(50%);
    width: 1px;
    height: 1px;
    overflow: hidden;
    padding: 0;
    border: 0;
  }
  .header {
    position: sticky;
    top: 0;
    z-index: 2;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-3);
    min-height: 3.5rem;
    padding: var(--_space-2) var(--_space-4);
    border-bottom: 1px solid var(--_color-border);
    background: var(--portal-app-header-background, var(--_color-surface));
  }
  .start,
  .tools {
    display: flex;
    align-items: center;
    gap: var(--_space-2);
    min-width: 0;
  }
  .brand {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    color: var(--_color-text);
    font-weight: 650;
    font-size: 1.0625rem;
    text-decoration: none;
    white-space: nowrap;
    border-radius: var(--_radius);
  }
  .brand .icon {
    color: var(--_color-primary);
  }
  .user {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    max-width: 14rem;
    min-height: 2.25rem;
    padding: 0 var(--_space-2);
    border-radius: var(--_radius);
    color: var(--_color-text-muted);
    text-decoration: none;
    margin-right: var(--_space-1);
  }
  .user:hover,
  .user[aria-current='page'] {
    background: var(--_color-surface-sunken);
    color: var(--_color-text);
  }
  .user .icon {
    flex: none;
  }
  .user-name {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .language {
    width: auto;
    min-height: 2.25rem;
    padding-block: 0;
  }
  .tools .button {
    min-height: 2.25rem;
    padding: 0 var(--_space-3);
  }
  .theme[aria-pressed='true'] {
    background: var(--_color-surface-sunken);
  }
  .menu-toggle {
    display: none;
    padding: 0 var(--_space-2) !important;
  }
  .layout {
    flex: 1;
    display: grid;
    grid-template-columns: var(--portal-app-nav-width, 15rem) minmax(0, 1fr);
    width: 100%;
    max-width: var(--portal-app-max-width, none);
    margin: 0 auto;
  }
  .layout.no-nav {
    grid-template-columns: minmax(0, 1fr);
  }
  .nav {
    padding: var(--_space-4) var(--_space-3);
    border-right: 1px solid var(--_color-border);
    background: var(--_color-surface);
  }
  .nav ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 2px;
    position: sticky;
    top: 4.5rem;
  }
  .nav a {
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space-2);
    padding: var(--_space-2) var(--_space-3);
    border-radius: var(--_radius);
    color: var(--_color-text);
    text-decoration: none;
    font-weight: 500;
  }
  .nav a:hover {
    background: var(--_color-surface-sunken);
  }
  .nav a[aria-current='page'] {
    background: var(--_color-primary-subtle);
    color: var(--_color-primary);
    box-shadow: inset 3px 0 0 var(--_color-primary);
  }
  .badge {
    min-width: 1.5rem;
    padding: 0 var(--_space-2);
    border-radius: 999px;
    background: var(--_color-primary);
    color: var(--_color-on-primary);
    font-size: var(--_font-size-small);
    font-weight: 600;
    line-height: 1.5rem;
    text-align: center;
  }
  /* focused by script only (tabindex=-1, after a route change) so screen readers read the new
     view: no ring, it is no control (R-X-2 keeps the rings of everything one can Tab to); this
     comes after the shared :focus-visible ring, so it wins */
  .main {
    min-width: 0;
    padding: var(--_space-5);
    outline: none;
  }
  .ticket-view {
    display: grid;
    gap: var(--_space-4);
  }
  .ticket-view .back {
    justify-self: start;
  }
  .unavailable,
  .agent {
    max-width: 40rem;
    padding: var(--_space-5);
    border: 1px dashed var(--_color-border-strong);
    border-radius: var(--_radius-large);
    background: var(--_color-surface);
  }
  .agent {
    border-style: solid;
  }
  .agent .alert {
    margin-bottom: 0;
  }
  .unavailable h1,
  .agent h1 {
    font-size: var(--_font-size-large);
  }
  .unavailable p {
    margin: 0;
    color: var(--_color-text-muted);
  }

  @container (max-width: 48rem) {
    .menu-toggle {
      display: inline-flex;
    }
    .layout {
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: auto 1fr;
    }
    .nav {
      display: none;
      border-right: none;
      border-bottom: 1px solid var(--_color-border);
      padding: var(--_space-2) var(--_space-3);
    }
    .menu-open .nav {
      display: block;
    }
    .nav ul {
      position: static;
    }
    .user {
      margin-right: 0;
    }
    .user-name {
      display: none;
    }
    .start,
    .tools {
      gap: var(--_space-1);
    }
    select.language {
      padding-left: var(--_space-2);
      padding-right: var(--_space-2);
    }
    .tools .label,
    .brand span {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .header {
      gap: var(--_space-1);
      padding: var(--_space-2) var(--_space-3);
    }
    .main {
      padding: var(--_space-4) var(--_space-3);
    }
  }

  /* print the view only (e.g. a knowledge-base article), not the portal around it */
  @media print {
    :host {
      background: none;
    }
    .header,
    .nav {
      display: none !important;
    }
    .layout {
      display: block;
    }
    .main {
      padding: 0;
    }
  }
`;
