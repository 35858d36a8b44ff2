/**
 * Open311 GeoReport v2 (wiki.open311.org/GeoReport_v2) at /open311/v2, so existing Open311 apps can submit and read
 * feedback. Formats `.json` and `.xml`; errors are the spec's list of {code, description} (not problem+json).
 *
 *   GET  /open311/v2/services.{json|xml}               service list (service_code = feedback field)
 *   GET  /open311/v2/services/{code}.{json|xml}        service definition (no extra attributes)
 *   POST /open311/v2/requests.{json|xml}               create (api_key; form-encoded or JSON)
 *   GET  /open311/v2/requests.{json|xml}               list: service_request_id, service_code, start_date, end_date, status
 *   GET  /open311/v2/requests/{id}.{json|xml}          one request
 *   jurisdiction_id = the unit's code (mã định danh, e.g. 000.00.06.H56)
 *
 * Administration (feedback.configure): GET/POST /api/v1/open311-keys, POST /api/v1/open311-keys/:id/revoke.
 */
import { z } from 'zod';
import { Uuid } from './common.ts';

const Text = (max: number) => z.string().trim().max(max);
const Num = (min: number, max: number) => z.coerce.number().min(min).max(max);

export const Open311CreateParams = z.object({
  api_key: z.string().min(1).max(200),
  jurisdiction_id: Text(80).optional(),
  service_code: z.string().trim().min(1).max(80),
  lat: Num(-90, 90).optional(),
  long: Num(-180, 180).optional(),
  address_string: Text(500).optional(),
  address_id: Text(200).optional(),
  email: z.email().max(200).optional(),
  device_id: Text(200).optional(),
  account_id: Text(200).optional(),
  first_name: Text(100).optional(),
  last_name: Text(100).optional(),
  phone: z.string().trim().regex(/^\+?[\d ().-]{6,20}$/, 'phone number').optional(),
  description: z.string().trim().min(1).max(10_000).refine((s) => !/<(\/?[a-z][a-z0-9-]*([\s/][^>]*)?|!--[\s\S]*?--|![a-z][^>]*)>/i.test(s), 'HTML tags are not allowed'),
  media_url: z.url().max(1000).optional(),
}).passthrough();

export const Open311ListParams = z.object({
  jurisdiction_id: Text(80).optional(),
  service_request_id: Text(2000).optional(),
  service_code: Text(500).optional(),
  start_date: z.iso.datetime({ offset: true }).optional(),
  end_date: z.iso.datetime({ offset: true }).optional(),
  status: Text(40).optional(),
});

export const ApiKeyBody = z.strictObject({ name: z.string().trim().min(1).max(200), unitId: Uuid.nullable().default(null) });
export const ApiKey = z.object({ id: z.string(), name: z.string(), prefix: z.string(), unitId: z.string().nullable(), createdAt: z.string(), revokedAt: z.string().nullable(), lastUsedAt: z.string().nullable() });
export const NewApiKey = ApiKey.extend({ key: z.string() });
