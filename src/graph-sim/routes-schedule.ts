/**
 * `POST /users/{id}/calendar/getSchedule`: validates what Graph limits (at most 20 schedules, a window
 * under 62 days) and answers with `schedule-of.ts` over the tenant as it stands.
 */

import { instantFromLocal, MS_PER_DAY } from "../domain/instant.ts";
import { scheduleOf } from "./schedule-of.ts";
import { errorResponse, isObject, jsonResponse } from "./sim-http.ts";
import { preferencesOf } from "./sim-odata.ts";
import type { RouteHandler } from "./sim-route.ts";

const MAX_SCHEDULES = 20;
const MAX_WINDOW_DAYS = 62;
const DEFAULT_INTERVAL_MINUTES = 30;

export const getSchedule: RouteHandler = (request, _match, context) => {
  const now = context.now();
  const body = request.body;
  const bad = (message: string) => errorResponse(400, "ErrorInvalidParameter", message, { now });
  if (!isObject(body) || !Array.isArray(body.schedules) || body.schedules.length === 0) {
    return bad("schedules must list at least one address.");
  }
  const schedules = body.schedules.filter((s): s is string => typeof s === "string");
  if (schedules.length !== body.schedules.length) return bad("Every schedule must be an address.");
  if (schedules.length > MAX_SCHEDULES)
    return bad(`At most ${MAX_SCHEDULES} schedules can be requested at once.`);
  const start = dateTimeOf(body.startTime);
  const end = dateTimeOf(body.endTime);
  if (start === undefined || end === undefined)
    return bad("startTime and endTime need a dateTime and a known timeZone.");
  if (end <= start) return bad("endTime must be after startTime.");
  if (end - start >= MAX_WINDOW_DAYS * MS_PER_DAY) {
    return bad(`The requested time duration is too long; it must be less than ${MAX_WINDOW_DAYS} days.`);
  }
  const interval = body.availabilityViewInterval ?? DEFAULT_INTERVAL_MINUTES;
  if (typeof interval !== "number" || !Number.isInteger(interval) || interval < 5 || interval > 1440) {
    return bad("availabilityViewInterval must be a whole number of minutes from 5 to 1440.");
  }
  const prefs = preferencesOf(request.headers);
  const response = scheduleOf({
    tenant: context.state.snapshot(),
    schedules,
    start,
    end,
    intervalMinutes: interval,
    timeZone: prefs.timeZone ?? "UTC",
  });
  return jsonResponse(
    200,
    response,
    prefs.timeZone === undefined ? {} : { "Preference-Applied": `outlook.timezone="${prefs.timeZone}"` },
  );
};

function dateTimeOf(value: unknown): number | undefined {
  if (!isObject(value) || typeof value.dateTime !== "string" || typeof value.timeZone !== "string")
    return undefined;
  return instantFromLocal(value.dateTime, value.timeZone);
}
