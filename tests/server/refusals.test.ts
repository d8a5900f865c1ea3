import { describe, expect, it } from 'vitest';
import type { NextFunction, Request, Response } from 'express';
import { DomainRefusal, REFUSAL_KINDS, type RefusalKind } from '../../domain/refusal';
import { errorHandler, HttpError } from '../../server/http/errors';
import { answerRefusals, httpErrorOfDomain } from '../../server/http/refusals';

describe('refusals of the checks, as HTTP answers', () => {
  it('maps each kind to its status and error code, keeping the message and details', () => {
    const expected: Record<RefusalKind, [number, string]> = {
      invalid: [422, 'unprocessable'],
      too_large: [413, 'payload_too_large'],
      not_found: [404, 'not_found'],
      gone: [410, 'gone'],
    };
    for (const kind of REFUSAL_KINDS) {
      const error = httpErrorOfDomain(new DomainRefusal(kind, 'Messaggio / Message', { unknown: ['999999'] }));
      expect(error, kind).toBeInstanceOf(HttpError);
      expect([error.status, error.code], kind).toEqual(expected[kind]);
      expect(error.message).toBe('Messaggio / Message');
      expect(error.details).toEqual({ unknown: ['999999'] });
    }
  });

  /** The error middleware chain of the app: answerRefusals, then errorHandler. */
  const answer = (error: unknown) => {
    const sent: { status?: number; body?: unknown } = {};
    const res = {
      headersSent: false,
      locals: {},
      set: () => res,
      status: (status: number) => ((sent.status = status), res),
      json: (body: unknown) => ((sent.body = body), res),
    };
    const req = { method: 'POST', path: '/api/plans' } as Request;
    const passed: unknown[] = [];
    answerRefusals(error, req, res as unknown as Response, ((e: unknown) => passed.push(e)) as NextFunction);
    errorHandler(passed[0], req, res as unknown as Response, (() => undefined) as NextFunction);
    return { passed: passed[0], ...sent };
  };

  it('answers a refusal thrown below a route with its status, code, message and details', () => {
    const thrown = answer(new DomainRefusal('too_large', 'Al massimo 2000 comuni / At most 2000 Comuni', { comuni: 2001 }));
    expect(thrown.status).toBe(413);
    expect(thrown.body).toEqual({ error: { code: 'payload_too_large', message: 'Al massimo 2000 comuni / At most 2000 Comuni', details: { comuni: 2001 } } });
    expect(answer(new DomainRefusal('invalid', 'Regione sconosciuta / Unknown region: 99')).body).toEqual({
      error: { code: 'unprocessable', message: 'Regione sconosciuta / Unknown region: 99' },
    });
  });

  it('passes every other error on as it is', () => {
    const other = new HttpError(428, 'precondition_required', 'If-Match');
    expect(answer(other).passed).toBe(other);
    expect(answer(other).status).toBe(428);
    const bug = new Error('boom');
    const passed: unknown[] = [];
    answerRefusals(bug, {} as Request, {} as Response, ((e: unknown) => passed.push(e)) as NextFunction);
    expect(passed).toEqual([bug]);
  });
});
