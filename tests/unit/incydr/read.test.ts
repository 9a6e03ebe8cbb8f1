import { describe, expect, it } from 'vitest';
import {
  readActor,
  readActorSearch,
  readCaseDetail,
  readCaseFileEventPage,
  readCasePage,
  readFileEventV2,
  readRiskIndicators,
  readUserPage,
} from '../../../src-main/core/incydr/read.js';

const slim = {
  number: 17,
  name: 'Q1 source-code exfil',
  createdAt: '2024-03-05T14:02:11.482917Z',
  updatedAt: '2024-03-06T09:15:40.004512Z',
  subject: '1058374412200119088',
  subjectUsername: 'j.doe@example.com',
  status: 'OPEN',
  assignee: '942564422882759874',
  assigneeUsername: 'analyst@example.com',
  createdByUserUid: '942564422882759874',
  createdByUsername: 'analyst@example.com',
  lastModifiedByUserUid: '942564422882759874',
  lastModifiedByUsername: 'analyst@example.com',
  archivalTime: '2025-03-05T00:00:00Z',
};

describe('cases', () => {
  it('reads a detail case and ignores unknown keys', () => {
    const detail = readCaseDetail({ ...slim, description: 'd', findings: '## f', brandNewField: { x: 1 } });
    expect(detail).toEqual({ ...slim, description: 'd', findings: '## f' });
    expect(detail).not.toHaveProperty('brandNewField');
  });

  it('fills missing optional fields with null and stringifies numeric IDs', () => {
    const detail = readCaseDetail({
      number: '5',
      name: 'n',
      createdAt: 'c',
      status: 'CLOSED',
      subject: 12345,
      assignee: 7,
    });
    expect(detail.number).toBe(5);
    expect(detail.subject).toBe('12345');
    expect(detail.assignee).toBe('7');
    expect(detail.description).toBeNull();
    expect(detail.archivalTime).toBeNull();
    expect(detail.updatedAt).toBeNull();
  });

  it('rejects a case without a number, name or known status', () => {
    expect(() => readCaseDetail({ ...slim, number: undefined })).toThrow(
      expect.objectContaining({ code: 'BAD_RESPONSE' }),
    );
    expect(() => readCaseDetail({ ...slim, number: 1.5 })).toThrow(
      expect.objectContaining({ code: 'BAD_RESPONSE' }),
    );
    expect(() => readCaseDetail({ ...slim, name: null })).toThrow(
      expect.objectContaining({ code: 'BAD_RESPONSE' }),
    );
    expect(() => readCaseDetail({ ...slim, status: 'PENDING' })).toThrow(
      expect.objectContaining({ code: 'BAD_RESPONSE' }),
    );
    expect(() => readCaseDetail('nope')).toThrow(expect.objectContaining({ code: 'BAD_RESPONSE' }));
  });

  it('reads a page, with an empty list past the end', () => {
    expect(readCasePage({ cases: [slim], totalCount: 42 })).toEqual({ cases: [slim], totalCount: 42 });
    expect(readCasePage({ cases: [], totalCount: 42 })).toEqual({ cases: [], totalCount: 42 });
    expect(readCasePage({ cases: [slim] }).totalCount).toBe(1);
    expect(() => readCasePage({ cases: 'x' })).toThrow(expect.objectContaining({ code: 'BAD_RESPONSE' }));
  });
});

describe('file events', () => {
  it('normalises string and object risk indicators', () => {
    expect(
      readRiskIndicators([
        'Zip',
        { name: 'Dropbox upload', weight: 5 },
        { indicatorName: 'Old', weight: '2' },
        3,
        null,
      ]),
    ).toEqual([
      { name: 'Zip', weight: null },
      { name: 'Dropbox upload', weight: 5 },
      { name: 'Old', weight: 2 },
    ]);
    expect(readRiskIndicators(undefined)).toEqual([]);
  });

  it('reads the abbreviated list', () => {
    const page = readCaseFileEventPage({
      events: [
        {
          eventId: '0_147e9445_973435567569502913',
          eventTimestamp: '2024-03-01T22:41:07.118Z',
          exposure: ['OutsideTrustedDomains'],
          fileAvailability: 'EXACT_FILE_AVAILABLE',
          fileName: 'payments-core.zip',
          filePath: 'C:/Users/jdoe/Downloads/',
          riskIndicators: ['Zip'],
          riskScore: 8,
          riskSeverity: 'HIGH',
          extra: true,
        },
        { eventId: 123, fileAvailability: 'SOMETHING_NEW', riskSeverity: 'SPICY' },
      ],
      totalCount: 2,
    });
    expect(page.totalCount).toBe(2);
    expect(page.events[0]).toEqual({
      eventId: '0_147e9445_973435567569502913',
      eventTimestamp: '2024-03-01T22:41:07.118Z',
      exposure: ['OutsideTrustedDomains'],
      fileAvailability: 'EXACT_FILE_AVAILABLE',
      fileName: 'payments-core.zip',
      filePath: 'C:/Users/jdoe/Downloads/',
      riskIndicators: [{ name: 'Zip', weight: null }],
      riskScore: 8,
      riskSeverity: 'HIGH',
    });
    expect(page.events[1]).toMatchObject({
      eventId: '123',
      exposure: [],
      fileAvailability: 'NO_FILE_AVAILABLE',
      riskSeverity: null,
      fileName: null,
    });
    expect(() => readCaseFileEventPage({ events: [{ fileName: 'x' }] })).toThrow(
      expect.objectContaining({ code: 'BAD_RESPONSE' }),
    );
  });

  it('keeps every key of a FileEventV2 and fills the typed groups', () => {
    const event = readFileEventV2({
      '@timestamp': '2024-03-01T22:41:07.118Z',
      event: { id: 'e1', action: 'file-uploaded', futureField: 1 },
      file: { name: 'a.zip', hash: { sha256: 'ab' } },
      risk: { score: 8, indicators: [{ name: 'Zip', weight: 3 }, 'Plain'] },
      user: { id: 942564422882759, email: 'j@example.com' },
      somethingNew: { nested: true },
    });
    expect(event.event.id).toBe('e1');
    expect(event.event.action).toBe('file-uploaded');
    expect(event.event.vector).toBeNull();
    expect(event.event['futureField']).toBe(1);
    expect(event.file.hash).toEqual({ sha256: 'ab', md5: null, md5Error: null, sha256Error: null });
    expect(event.file.sizeInBytes).toBeNull();
    expect(event.risk.indicators).toEqual([
      { name: 'Zip', id: null, weight: 3 },
      { name: 'Plain', id: null, weight: null },
    ]);
    expect(event.user.id).toBe('942564422882759');
    expect(event.user.deviceUid).toBeNull();
    expect(event.source).toEqual({});
    expect(event['somethingNew']).toEqual({ nested: true });
    expect(() => readFileEventV2({ event: {} })).toThrow(expect.objectContaining({ code: 'BAD_RESPONSE' }));
  });
});

describe('people', () => {
  it('reads users with string IDs', () => {
    const page = readUserPage({
      users: [
        {
          userId: 942564422882759,
          username: 'a@example.com',
          legacyUserId: 11084,
          active: true,
          blocked: false,
          x: 1,
        },
      ],
      totalCount: 1,
    });
    expect(page.users[0]).toMatchObject({
      userId: '942564422882759',
      legacyUserId: '11084',
      firstName: null,
      active: true,
    });
    expect(page.users[0]).not.toHaveProperty('x');
  });

  it('reads actors and actor search results', () => {
    expect(
      readActor({
        actorId: 'a1',
        name: 'j@example.com',
        active: false,
        inScope: true,
        alternateNames: ['j', 2],
      }),
    ).toMatchObject({
      actorId: 'a1',
      active: false,
      alternateNames: ['j', '2'],
      startDate: null,
    });
    expect(
      readActorSearch({ actors: [{ actorId: 9, name: 'x', active: true, parentActorId: null, more: 1 }] }),
    ).toEqual([{ actorId: '9', name: 'x', active: true, parentActorId: null }]);
    expect(readActorSearch({})).toEqual([]);
  });
});
