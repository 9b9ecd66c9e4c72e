/** The OpenAPI 3.1 description of the public read API (served at /api/v1/openapi.json). */
const figure = (description: string) => ({
  type: ["integer", "null"],
  description: `${description}; null when withheld (fewer reporters than the threshold), with suppressed: true`,
});
const region = {
  type: "object",
  required: [
    "code",
    "name",
    "level",
    "parent",
    "children",
    "channels",
    "unitsCovered",
    "mandates",
    "reporters",
    "hoursPerWeek",
    "suppressed",
    "duplicatesFound",
    "zombiesFound",
    "cleanedUp",
  ],
  properties: {
    code: { type: "string" },
    name: { type: "string" },
    level: { type: "string", enum: ["province", "city", "county", "township"] },
    parent: { type: ["string", "null"] },
    children: {
      type: "array",
      items: { type: "string" },
      description: "codes of the regions one level down (to the published floor)",
    },
    channels: { type: "integer", description: "distinct channels mandated in the region" },
    unitsCovered: { type: "integer", description: "units with at least one active mandate" },
    mandates: { type: "integer" },
    reporters: figure("staff who reported"),
    hoursPerWeek: figure("hours a week staff report spending"),
    suppressed: { type: "boolean" },
    duplicatesFound: { type: "integer", description: "open or confirmed duplicate channels and mandates" },
    zombiesFound: figure("open or confirmed zombie flags"),
    cleanedUp: figure("flags resolved by a reviewer or a merge"),
  },
};
const trend = {
  type: ["array", "null"],
  description:
    "flags found and cleaned up in each of the last twelve months (Beijing time); null when the region's figures are withheld",
  items: {
    type: "object",
    properties: {
      month: { type: "string", description: "YYYY-MM" },
      found: { type: "integer" },
      cleanedUp: { type: "integer" },
    },
  },
};
const regionQuery = {
  name: "region",
  in: "query",
  required: false,
  schema: { type: "string" },
  description: "the code of a published region (default: the whole registry); unknown codes get 404",
};
const format = {
  name: "format",
  in: "query",
  required: false,
  schema: { type: "string", enum: ["json", "csv"], default: "json" },
};
const cached = {
  ETag: { schema: { type: "string" }, description: "send it back in If-None-Match for a 304" },
  "Cache-Control": { schema: { type: "string" } },
};
const ok = (schema: object) => ({
  "200": {
    description: "OK",
    headers: cached,
    content: { "application/json": { schema }, "text/csv": { schema: { type: "string" } } },
  },
  "304": { description: "Not modified (If-None-Match matched)" },
});
/** A list of objects with these properties. */
const listOf = (properties: object) => ({ type: "array", items: { type: "object", properties } });

const stamped = (properties: object, required: string[]) => ({
  type: "object",
  required: ["releasedAt", "nextReleaseAt", ...required],
  properties: {
    releasedAt: {
      type: "string",
      format: "date-time",
      description: "when these figures were released; they change only at releases",
    },
    nextReleaseAt: {
      type: ["string", "null"],
      format: "date-time",
      description: "the next scheduled release (null when releases are live)",
    },
    updatedAt: {
      type: "string",
      format: "date-time",
      description: "the same as releasedAt (kept for version 1 clients)",
    },
    threshold: { type: "integer", description: "figures from fewer reporters than this are withheld" },
    ...properties,
  },
});

export const OPENAPI = {
  openapi: "3.1.0",
  info: {
    title: "Fingertip public data",
    version: "1.1.0",
    description:
      "Aggregated, privacy-safe figures of the registry, changed only at releases. Any figure built from fewer reporters than the threshold is null with suppressed: true, and so is any figure from which one could be worked out or narrowed by combining published figures (checked by linear programming). Figures count distinct people. No response names a person. ?format=csv gives the same figures as a named CSV download.",
  },
  paths: {
    "/api/v1/public/summary": {
      get: {
        summary: "The whole registry, with twelve months of clean-up",
        parameters: [format],
        responses: ok(
          stamped(
            {
              ...region.properties,
              regions: { type: "array", items: { type: "string" }, description: "codes of the top regions" },
              trend,
            },
            ["channels", "reporters", "suppressed", "regions", "trend"],
          ),
        ),
      },
    },
    "/api/v1/public/units/{code}": {
      get: {
        summary: "One region (a unit's subtree) and its children's figures",
        parameters: [{ name: "code", in: "path", required: true, schema: { type: "string" } }, format],
        responses: {
          ...ok(
            stamped(
              {
                unit: region,
                children: {
                  type: "array",
                  items: region,
                  description: "most burdened first; withheld ones last, by name",
                },
                trend,
              },
              ["unit", "children"],
            ),
          ),
          "404": { description: "no published region with that code" },
        },
      },
    },
    "/api/v1/public/issuers": {
      get: {
        summary: "Issuing units acting in a region, ranked by the staff time their mandates impose there",
        parameters: [regionQuery, format],
        responses: ok(
          stamped(
            {
              issuers: listOf({
                code: { type: "string" },
                name: { type: "string" },
                region: {
                  type: ["string", "null"],
                  description: "the region a department belongs to (two 县妇联 are told apart by it)",
                },
                mandates: { type: "integer", description: "its active mandates landing in the region" },
                unitsTargeted: { type: "integer" },
                channels: { type: "integer" },
                hoursPerWeek: figure(
                  "hours a week that staff in the region report for channels it requires (each person counted once)",
                ),
                suppressed: { type: "boolean" },
              }),
            },
            ["issuers"],
          ),
        ),
      },
    },
    "/api/v1/public/channels": {
      get: {
        summary: "Catalogue entries: mandated, retired and merged",
        parameters: [
          {
            name: "status",
            in: "query",
            required: false,
            schema: { type: "string", enum: ["active", "retired", "merged"] },
          },
          regionQuery,
          format,
        ],
        responses: {
          ...ok(
            stamped(
              {
                channels: listOf({
                  name: { type: "string" },
                  kind: { type: "string" },
                  status: { type: "string" },
                  mergedInto: { type: ["string", "null"] },
                  changedOn: { type: "string", format: "date" },
                  unitsRequired: { type: "integer", description: "with region: units there required to use it" },
                }),
              },
              ["channels"],
            ),
          ),
          "400": { description: "unknown status" },
        },
      },
    },
  },
} as const;
