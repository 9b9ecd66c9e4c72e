/** The OpenAPI 3.1 description of the public read API (served at /api/v1/openapi.json). */
const figure = (description: string) => ({ type: ["integer", "null"], description: `${description}; null when withheld (fewer reporters than the threshold), with suppressed: true` });
const region = {
  type: "object",
  required: ["code", "name", "level", "parent", "children", "channels", "unitsCovered", "mandates", "reporters", "hoursPerWeek", "suppressed", "duplicatesFound", "zombiesFound", "cleanedUp"],
  properties: {
    code: { type: "string" },
    name: { type: "string" },
    level: { type: "string", enum: ["province", "city", "county", "township"] },
    parent: { type: ["string", "null"] },
    children: { type: "array", items: { type: "string" }, description: "codes of the regions one level down (to the published floor)" },
    channels: { type: "integer", description: "distinct channels mandated in the region" },
    unitsCovered: { type: "integer", description: "units with at least one active mandate" },
    mandates: { type: "integer" },
    reporters: figure("staff who reported"),
    hoursPerWeek: figure("hours a week staff report spending"),
    suppressed: { type: "boolean" },
    duplicatesFound: { type: "integer", description: "open or confirmed duplicate channels and mandates" },
    zombiesFound: figure("open or confirmed zombie flags"),
    cleanedUp: { type: "integer", description: "flags resolved by a reviewer or a merge" },
  },
};
const format = { name: "format", in: "query", required: false, schema: { type: "string", enum: ["json", "csv"], default: "json" } };
const cached = {
  ETag: { schema: { type: "string" }, description: "send it back in If-None-Match for a 304" },
  "Cache-Control": { schema: { type: "string" } },
};
const ok = (schema: object) => ({
  "200": { description: "OK", headers: cached, content: { "application/json": { schema }, "text/csv": { schema: { type: "string" } } } },
  "304": { description: "Not modified (If-None-Match matched)" },
});
const stamped = (properties: object, required: string[]) => ({ type: "object", required: ["updatedAt", ...required], properties: { updatedAt: { type: "string", format: "date-time" }, threshold: { type: "integer" }, ...properties } });

export const OPENAPI = {
  openapi: "3.1.0",
  info: {
    title: "Fingertip public data",
    version: "1.0.0",
    description: "Aggregated, privacy-safe figures of the registry. Any figure built from fewer reporters than the threshold is null with suppressed: true, and so is any figure from which one could be derived by subtraction. No response names a person.",
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
              trend: { type: "array", items: { type: "object", properties: { month: { type: "string" }, found: { type: "integer" }, cleanedUp: { type: "integer" } } } },
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
        responses: { ...ok(stamped({ unit: region, children: { type: "array", items: region } }, ["unit", "children"])), "404": { description: "no published region with that code" } },
      },
    },
    "/api/v1/public/issuers": {
      get: {
        summary: "Issuing units ranked by the staff time their mandates impose",
        parameters: [format],
        responses: ok(
          stamped(
            {
              issuers: {
                type: "array",
                items: { type: "object", properties: { code: { type: "string" }, name: { type: "string" }, mandates: { type: "integer" }, unitsTargeted: { type: "integer" }, channels: { type: "integer" }, hoursPerWeek: figure("hours a week at the units they target"), suppressed: { type: "boolean" } } },
              },
            },
            ["issuers"],
          ),
        ),
      },
    },
    "/api/v1/public/channels": {
      get: {
        summary: "Catalogue entries: mandated, retired and merged",
        parameters: [{ name: "status", in: "query", required: false, schema: { type: "string", enum: ["active", "retired", "merged"] } }, format],
        responses: {
          ...ok(stamped({ channels: { type: "array", items: { type: "object", properties: { name: { type: "string" }, kind: { type: "string" }, status: { type: "string" }, mergedInto: { type: ["string", "null"] }, changedOn: { type: "string", format: "date" } } } } }, ["channels"])),
          "400": { description: "unknown status" },
        },
      },
    },
  },
} as const;
