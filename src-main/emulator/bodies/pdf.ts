/**
 * The case summary PDF (`/export`): a real PDF made with pdfkit holding the case's fields, description
 * and findings. Built in memory (it is small) so its exact size is known; the creation date is the
 * case's last update, so the same case gives the same bytes on every request.
 */
import PDFDocument from 'pdfkit';
import type { CaseRecord } from '../store/case-record.js';

type Labels = Record<
  | 'title'
  | 'number'
  | 'status'
  | 'subject'
  | 'assignee'
  | 'created'
  | 'updated'
  | 'createdBy'
  | 'modifiedBy'
  | 'archival'
  | 'events'
  | 'description'
  | 'findings'
  | 'none'
  | 'unassigned',
  string
>;

const LABELS: Record<string, Labels> = {
  en: {
    title: 'Case summary',
    number: 'Case number',
    status: 'Status',
    subject: 'Subject',
    assignee: 'Assignee',
    created: 'Created',
    updated: 'Last updated',
    createdBy: 'Created by',
    modifiedBy: 'Last modified by',
    archival: 'Archival time',
    events: 'File events',
    description: 'Description',
    findings: 'Findings',
    none: '(none)',
    unassigned: 'Unassigned',
  },
  de: {
    title: 'Fallzusammenfassung',
    number: 'Fallnummer',
    status: 'Status',
    subject: 'Betroffene Person',
    assignee: 'Zuständig',
    created: 'Erstellt',
    updated: 'Zuletzt geändert',
    createdBy: 'Erstellt von',
    modifiedBy: 'Zuletzt geändert von',
    archival: 'Archivierung',
    events: 'Dateiereignisse',
    description: 'Beschreibung',
    findings: 'Erkenntnisse',
    none: '(keine)',
    unassigned: 'Nicht zugewiesen',
  },
  fr: {
    title: 'Résumé du dossier',
    number: 'Numéro du dossier',
    status: 'Statut',
    subject: 'Sujet',
    assignee: 'Responsable',
    created: 'Créé le',
    updated: 'Mis à jour le',
    createdBy: 'Créé par',
    modifiedBy: 'Modifié par',
    archival: "Date d'archivage",
    events: 'Événements de fichier',
    description: 'Description',
    findings: 'Constatations',
    none: '(aucun)',
    unassigned: 'Non attribué',
  },
};

/** The standard PDF fonts only cover WinAnsi; anything else becomes '?' instead of garbage glyphs. */
function winAnsi(text: string): string {
  return text.replace(/[^\t\n\x20-\x7e\xa0-\xff–—‘’“”•…€™]/g, '?');
}

function labelsFor(language: string | undefined): Labels {
  const key = (language ?? 'en').toLowerCase().split(/[-_]/)[0] ?? 'en';
  return LABELS[key] ?? (LABELS.en as Labels);
}

export function renderCasePdf(r: CaseRecord, language?: string): Promise<Buffer> {
  const L = labelsFor(language);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: {
      Title: winAnsi(`Case ${r.number}: ${r.name}`),
      Author: 'Incydr emulator',
      CreationDate: new Date(Math.floor(r.updatedAtUs / 1000)),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica').fontSize(10).fillColor('#666666').text(L.title);
  doc.moveDown(0.3).font('Helvetica-Bold').fontSize(18).fillColor('#000000');
  doc.text(winAnsi(`Case ${r.number}: ${r.name}`));
  doc.moveDown(0.8).fontSize(10);
  const rows: [string, string][] = [
    [L.number, String(r.number)],
    [L.status, r.status],
    [L.subject, r.subjectUsername ?? r.subject ?? L.none],
    [L.assignee, r.assigneeUsername ?? r.assignee ?? L.unassigned],
    [L.created, r.createdAt],
    [L.updated, r.updatedAt],
    [L.createdBy, r.createdByUsername ?? L.none],
    [L.modifiedBy, r.lastModifiedByUsername ?? L.none],
    [L.archival, r.archivalTime ?? L.none],
    [L.events, String(r.events.length)],
  ];
  for (const [label, value] of rows) {
    doc.font('Helvetica-Bold').text(`${winAnsi(label)}: `, { continued: true });
    doc.font('Helvetica').text(winAnsi(value));
  }
  doc.moveDown().font('Helvetica-Bold').fontSize(13).text(winAnsi(L.description));
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(winAnsi(r.description ?? L.none));
  doc.moveDown().font('Helvetica-Bold').fontSize(13).text(winAnsi(L.findings));
  writeMarkdown(doc, r.findings ?? L.none);
  doc.end();
  return done;
}

/** A light rendering of markdown: headings, lists and fenced code; the rest as plain paragraphs. */
function writeMarkdown(doc: PDFKit.PDFDocument, markdown: string): void {
  let inCode = false;
  for (const line of markdown.split('\n')) {
    if (line.trim().startsWith('```')) {
      inCode = !inCode;
      continue;
    }
    if (inCode) {
      doc
        .font('Courier')
        .fontSize(9)
        .text(winAnsi(line || ' '));
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      doc
        .moveDown(0.4)
        .font('Helvetica-Bold')
        .fontSize(heading[1]?.length === 1 ? 13 : 11);
      doc.text(winAnsi(heading[2] ?? ''));
      continue;
    }
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const text = bullet ? `•  ${bullet[1] ?? ''}` : line;
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(winAnsi(text.replace(/\*\*|__|`/g, '')) || ' ', { indent: bullet ? 10 : 0 });
  }
}
