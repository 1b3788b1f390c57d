import { csvFile, pdfFile, pngFile, textFile } from './files.js';
import { esc, ol, p, table, ul, type Ctx, type Scenario } from './scenario.js';

/** English ticket scenarios (written for this demo), used for Blue Harbor Ltd. */

const hi = (x: Ctx) => x.rng.pick(['Hi team,', 'Hello,', 'Hi,', 'Good morning,', 'Hi Service Desk,']);
const bye = (x: Ctx) => x.rng.pick(['Thanks', 'Many thanks', 'Cheers', 'Kind regards', 'Thanks in advance']) + `,<br>${esc(x.author.first)}`;

export const scenariosEn: readonly Scenario[] = [
  {
    key: 'vpn-drop',
    weight: 2,
    write: (x) => {
      const d = x.created.toISOString().slice(0, 10);
      const files = x.rng.chance(0.5)
        ? [textFile(`vpn-client-${d}.log`, [
            `${d} 18:02:11 [info]  tunnel: connecting to vpn.servicedesk.example:443`,
            `${d} 18:02:13 [info]  auth: ${x.author.email} authenticated (mfa: push accepted)`,
            `${d} 18:19:40 [warn]  dpd: no response from peer (1/3)`,
            `${d} 18:20:00 [error] dpd: peer unreachable, tearing down tunnel (reason: DPD_TIMEOUT)`,
            `${d} 18:20:30 [error] tunnel: reconnect failed: captive portal detected`,
          ].join('\n'))]
        : [];
      return {
        subject: x.rng.pick(['VPN keeps disconnecting on hotel Wi-Fi', 'VPN drops every 15 minutes when working from home', 'Cannot stay connected to the VPN']),
        html:
          p(hi(x)) +
          p(`my VPN connection drops every 15–20 minutes when I'm not in the office. After that it won't reconnect until I restart the client and approve the MFA prompt again. It happens ${x.rng.pick(['at home and on hotel Wi-Fi', 'mostly in the evening', 'since last week’s update'])}.`) +
          p(`I lose my session in ${esc(x.bp.erpName)} each time, which is painful when I'm in the middle of an invoice run.${files.length ? ' Client log attached.' : ''}`) +
          p(bye(x)),
        type: 'incident',
        area: 'network',
        tags: ['VPN', 'Remote working'],
        urgency: 'medium',
        impact: 'low',
        files,
        ack: p('Thanks for the log. We are checking the gateway side for your sessions.'),
        question: p('Does it also happen on a mobile hotspot? That would tell us whether the local network is involved.'),
        answer: p('Tried it on my phone’s hotspot last night – no drops for two hours.'),
        solution: p('The drops were caused by networks with captive portals and aggressive idle timeouts. We have enabled the “always-on” profile with a shorter keep-alive for your device. Please restart once to pick it up.'),
        closeReason: 'Stable for a week now, including two nights in a hotel. Thanks!',
        reopenReason: 'It started dropping again after yesterday’s Windows update.',
      };
    },
  },
  {
    key: 'printer-queue',
    weight: 1.5,
    write: (x) => {
      const printer = x.printer();
      return {
        subject: x.rng.pick([`Printer ${printer} not printing – jobs stuck in queue`, `Nothing prints on the ${x.floor()}`]),
        html:
          p(hi(x)) +
          p(`nothing has come out of <strong>${esc(printer)}</strong> (${esc(x.floor())}, ${esc(x.site())}) since this morning. Jobs sit in the queue with “Error – Printing”. The printer itself shows “Ready”. Several people in ${esc(x.dept())} are affected.`) +
          p(bye(x)),
        type: 'incident',
        area: 'printing',
        tags: ['Printer'],
        urgency: 'medium',
        impact: 'medium',
        files: x.rng.chance(0.4) ? [pngFile('print queue error.png', 'error', x.rng)] : [],
        inlineImage: true,
        solution: p('A stuck job blocked the queue on the print server. We cleared the queue and restarted the spooler; please resend anything you printed between 8 and 10 am.'),
        closeReason: 'Printing again, thanks.',
      };
    },
  },
  {
    key: 'new-starter',
    weight: 1.5,
    write: (x) => {
      const who = x.staff();
      const start = x.dateAfter(x.rng.int(7, 18));
      const raw = [[who, x.dept(), start, x.rng.pick(['Laptop + dock', 'Laptop + 2 monitors', 'Laptop + mobile phone'])]];
      return {
        subject: `New starter: ${who} on ${start}`,
        html:
          p(hi(x)) +
          p('please set up the following new starter:') +
          table(['Name', 'Team', 'Start date', 'Equipment'], raw.map((r) => r.map(esc))) +
          ul(['Windows account and mailbox', `${esc(x.bp.erpName)} access (same as the rest of the team)`, 'Add to the team’s shared mailbox and Teams channel']) +
          p(bye(x)),
        type: 'request',
        area: 'accounts',
        tags: ['Onboarding'],
        urgency: 'medium',
        impact: 'low',
        files: x.rng.chance(0.4) ? [csvFile('new starter.csv', [['Name', 'Team', 'Start date', 'Equipment'], ...raw], ',')] : [],
        ack: p('Thanks – we’ll prepare the account and equipment.'),
        question: p('Which cost centre should the laptop be charged to?'),
        answer: p(`Cost centre ${x.rng.int(200, 290)}, please.`),
        solution: p('Account, mailbox and equipment are ready. The laptop can be collected from reception the day before the start date; the temporary password goes to the line manager.'),
        closeReason: 'All set up, first day went smoothly.',
        releaseReason: 'Approved by HR.',
      };
    },
  },
  {
    key: 'leaver',
    write: (x) => {
      const who = x.staff();
      return {
        subject: `Leaver: ${who}`,
        html: p(hi(x)) + p(`${esc(who)} leaves us on ${x.dateAfter(x.rng.int(3, 10))}. Please:`) + ol(['disable the account at 5 pm on the last day', 'forward e-mail to the line manager for 60 days', 'collect the laptop and phone', 'release the licences']) + p(bye(x)),
        type: 'request',
        area: 'accounts',
        tags: ['Offboarding'],
        urgency: 'medium',
        impact: 'low',
        solution: p('Done: account disabled, forwarding in place, devices returned and licences released.'),
        closeReason: 'Completed.',
      };
    },
  },
  {
    key: 'mfa-reset',
    weight: 1.5,
    write: (x) => ({
      subject: x.rng.pick(['Lost phone – need MFA reset', 'New phone, Authenticator not set up', 'MFA prompts not arriving']),
      html: p(hi(x)) + p('I got a new phone and the old one was wiped before I moved the Authenticator app. Now I can’t approve sign-ins. Could you reset my MFA registration please?') + p(bye(x)),
      type: 'request',
      area: 'accounts',
      tags: ['MFA'],
      urgency: 'high',
      impact: 'low',
      question: p('For security we will call you back on the number in the company directory. When can we reach you today?'),
      answer: p('Any time before 4 pm.'),
      solution: p('After the call-back we reset your MFA registration. You will be asked to set up the Authenticator app at your next sign-in.'),
      closeReason: 'MFA is working on the new phone.',
    }),
  },
  {
    key: 'shared-mailbox',
    write: (x) => {
      const box = x.mailbox();
      const who = x.staff();
      return {
        subject: `Access to the shared mailbox ${box}`,
        html: p(hi(x)) + p(`please give ${esc(who)} full access and “send as” on <a href="mailto:${box}">${box}</a>. Approved by the team lead.`) + p(bye(x)),
        type: 'request',
        area: 'mail',
        tags: ['Shared mailbox'],
        urgency: 'low',
        impact: 'low',
        solution: p(`${esc(who)} now has full access and “send as”. The mailbox appears in Outlook automatically within the hour.`),
        closeReason: 'Access confirmed.',
        rejectReason: 'Please get the mailbox owner’s approval first (Finance owns accounts@).',
      };
    },
  },
  {
    key: 'iphone-calendar',
    write: (x) => ({
      subject: 'Calendar not syncing on iPhone',
      html: p(hi(x)) + p('since yesterday new meetings don’t show up in the calendar on my iPhone. E-mail syncs fine. Outlook on the laptop shows everything.') + p(bye(x)),
      type: 'incident',
      area: 'mail',
      tags: ['Calendar', 'Mobile'],
      urgency: 'medium',
      impact: 'low',
      solution: p('Your device had reached the sync item limit after a large meeting series was imported. We removed the stale device partnership; please remove and re-add the account in the Outlook app.'),
      closeReason: 'Calendar syncs again.',
    }),
  },
  {
    key: 'visio',
    write: (x) => {
      const po = x.po();
      return {
        subject: 'Visio licence for process mapping',
        html: p(hi(x)) + p(`could we order a Visio Plan 2 licence for ${esc(x.staff())}? PO number ${po}. It’s for the new customs process maps.`) + p(bye(x)),
        type: 'order',
        area: 'licences',
        tags: ['Licence', 'Visio'],
        urgency: 'low',
        impact: 'low',
        referenceNo: po,
        solution: p('The licence is assigned; Visio installs via the Company Portal.'),
        closeReason: 'Installed and working.',
        rejectReason: 'We still have an unassigned Visio licence from a leaver – please ask IT to reassign it instead.',
      };
    },
  },
  {
    key: 'battery',
    write: (x) => ({
      subject: 'Laptop battery swelling – touchpad lifting',
      html: p(hi(x)) + p('the touchpad on my laptop is lifting and the case doesn’t close properly. I think the battery is swelling. I’ve shut it down and unplugged it.') + p(bye(x)),
      type: 'incident',
      area: 'workplace',
      tags: ['Hardware', 'Laptop'],
      urgency: 'high',
      impact: 'low',
      files: x.rng.chance(0.5) ? [pngFile('laptop photo.png', 'app', x.rng)] : [],
      ack: p('Please don’t use or charge it. We’ll swap the device today – a loan laptop is on its way.'),
      solution: p('Replacement laptop delivered and set up; the old one has gone for safe disposal. Your files were on OneDrive, so nothing was lost.'),
      closeReason: 'Have the replacement, all good.',
    }),
  },
  {
    key: 'depot-wifi',
    write: (x) => ({
      subject: 'Wi-Fi dropping in the depot – handheld scanners disconnect',
      html:
        p(hi(x)) +
        p(`in the ${esc(x.site())} our handheld scanners keep losing Wi-Fi near bays 14–20. Drivers have to rescan the whole load.`) +
        table(['Time', 'Device', 'Message'], [['07:05', 'HH-07', 'Network unavailable'], ['07:40', 'HH-12', 'Server connection lost'], ['08:10', 'HH-07', 'Network unavailable']]) +
        p(bye(x)),
      type: 'incident',
      area: 'network',
      tags: ['Wi-Fi', 'Depot', 'Scanners'],
      urgency: 'high',
      impact: 'high',
      ack: p('Thanks for the details – we’ll do a site survey on your next working day.'),
      solution: p('An access point near bay 17 had failed. It has been replaced and the roaming settings of the scanners tuned. Coverage is good across all bays now.'),
      internal: p('Warranty RMA raised for the failed AP.'),
      closeReason: 'No more drops this week.',
      reopenReason: 'Drops are back near bay 20 since Monday.',
    }),
  },
  {
    key: 'phishing',
    write: (x) => ({
      subject: x.rng.pick(['Suspicious e-mail with an invoice attachment', 'Phishing? “Your mailbox is full” message']),
      html: p(hi(x)) + p('I received an e-mail asking me to “verify my mailbox” via a link. I didn’t click it. A couple of colleagues got it too. I reported it with the Report Phishing button.') + p(bye(x)),
      type: 'incident',
      area: 'mail',
      tags: ['Security', 'Phishing'],
      urgency: 'high',
      impact: 'medium',
      solution: p('Thanks for reporting it. The message has been removed from all mailboxes and the sender blocked. Nobody clicked the link.'),
      closeReason: 'Resolved.',
    }),
  },
  {
    key: 'teams-phone',
    write: (x) => ({
      subject: 'Teams calls drop after a few seconds',
      html: p(hi(x)) + p(`outgoing Teams phone calls from the ${esc(x.site())} drop after 5–10 seconds. Internal calls are fine. This affects the customer service line.`) + p(bye(x)),
      type: 'incident',
      area: 'telephony',
      tags: ['Teams Phone'],
      urgency: 'high',
      impact: 'high',
      ack: p('We can see failed media sessions for your site and are working on it with the carrier.'),
      solution: p('The carrier had a faulty route for UK numbers; it has been fixed. Calls are stable again.'),
      closeReason: 'Calls are fine now.',
    }),
  },
  {
    key: 'files-from-home',
    write: (x) => ({
      subject: 'Question: how do I get to the shared drive from home?',
      html: p(hi(x)) + p('what’s the best way to open files from the S: drive when I’m working from home? Do I need the VPN for that?') + p(bye(x)),
      type: 'question',
      area: 'network',
      tags: ['Remote working'],
      urgency: 'low',
      impact: 'low',
      solution: p('Yes, the S: drive needs the VPN. Team files that are also in SharePoint/Teams work without it. See the attached one-pager.'),
      solutionFile: x.rng.chance(0.5) ? undefined : pdfFile('Working from home - quick guide.pdf', 'Working from home – quick guide', ['1. Connect to the VPN (icon in the system tray).', '2. Mapped drives reconnect within a minute.', '3. Teams and SharePoint work without the VPN.', '4. Problems? Raise a ticket in the portal.']),
      closeReason: 'Answered, thanks.',
    }),
  },
  {
    key: 'erp-invoice',
    weight: 1.5,
    write: (x) => ({
      subject: `${x.bp.erpName}: invoice run fails with “posting period closed”`,
      html:
        p(hi(x)) +
        p(`the weekly invoice run in ${esc(x.bp.erpName)} stops with “Posting period is closed” although the period is open in the nominal ledger.`) +
        p('Steps:') +
        ol(['Sales Ledger → Invoicing → Batch run', 'Select “This week”', 'Run → error after the first 12 invoices']) +
        p(bye(x)),
      type: 'incident',
      area: 'erp',
      tags: ['ERP', 'Invoicing'],
      urgency: 'high',
      impact: 'medium',
      files: x.rng.chance(0.6) ? [pngFile('posting period error.png', 'error', x.rng)] : [],
      inlineImage: true,
      solution: p('The sales ledger had its own period lock that wasn’t advanced at month end. We opened the period; the run completes now. We’ve added the step to the month-end checklist.'),
      closeReason: 'Invoices went out, thanks for the quick fix.',
    }),
  },
  {
    key: 'firewall-broker',
    write: (x) => {
      const rfc = x.rfc();
      return {
        subject: 'Firewall change: access to the new customs broker portal',
        html: p(hi(x)) + p(`our customs broker is moving to a new portal. Please allow outbound access (${rfc}):`) + table(['Destination', 'Port'], [['portal.broker.example', '443'], ['edi.broker.example', '22']]) + p(bye(x)),
        type: 'change',
        area: 'network',
        tags: ['Firewall', 'Customs'],
        urgency: 'medium',
        impact: 'low',
        referenceNo: rfc,
        solution: p('The rules were implemented in the maintenance window and tested from the Customs team’s PCs.'),
        closeReason: 'Portal works.',
      };
    },
  },
  {
    key: 'monitors',
    write: (x) => {
      const po = x.po();
      const n = x.rng.int(2, 6);
      return {
        subject: `Order ${n} monitors for the new desks`,
        html: p(hi(x)) + p(`please order ${n} 27" monitors with USB-C for the new desk area on the ${esc(x.floor())}. Our PO number is ${po}.`) + p(bye(x)),
        type: 'order',
        area: 'workplace',
        tags: ['Hardware', 'Order'],
        urgency: 'low',
        impact: 'low',
        referenceNo: po,
        files: x.rng.chance(0.5) ? [pdfFile(`${po}.pdf`, `Purchase order ${po}`, [`Requested by: ${x.author.name}`, `27" USB-C monitor x ${n}`, `Delivery: ${x.site()}`, 'Approved: Finance'])] : [],
        solution: p(`The monitors have been delivered and installed on the ${esc(x.floor())}.`),
        closeReason: 'Installed, thank you.',
      };
    },
  },
  {
    key: 'account-locked',
    write: (x) => ({
      subject: 'Account locked out',
      html: p(hi(x)) + p(`${x.rng.chance(0.5) ? 'my account' : `${esc(x.staff())}’s account`} is locked after too many attempts. Could you unlock it please?`) + p(bye(x)),
      type: 'incident',
      area: 'accounts',
      tags: ['Password'],
      urgency: 'high',
      impact: 'low',
      solution: p('Unlocked. The lockouts came from an old password saved on a phone – please update it there.'),
      closeReason: 'Can sign in again.',
    }),
  },
];
