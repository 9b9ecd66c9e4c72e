import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/*
 * One way to authorize (docs/architecture.md#authorization): every exported function of lib/ that
 * opens the database takes the acting person (`actor: Actor`) first and calls authorize(actor, …)
 * or authorizePerson(actor, …) first. The exceptions are listed here with the reason; an entry
 * that no longer matches a function fails too, so the list cannot rot.
 */
const NOT_COMMANDS: Record<string, string> = {
  "lib/auth/session-user.ts loadSessionUser": "reads who signs in: there is no actor yet",
  "lib/auth/demo-accounts.ts listUnchangedDemoLogins": "the sign-in page's notice, before anyone signs in",
  "lib/auth/end-sessions.ts endAllSessions": "called by user commands after they authorized",
  "lib/invitations/invitations.ts describeInvitation": "the invitation's code is the credential of a visitor",
  "lib/invitations/invitations.ts acceptInvitation": "the invitation's code is the credential of a visitor",
  "lib/auth/sso-sign-in.ts ssoSignIn":
    "the identity provider's answer, fetched by next-auth with the client secret, is the credential",
  "lib/flags/cases/list-cases.ts readCases": "called by case commands after they authorized",
  "lib/flags/recompute-flags.ts recomputeAllFlags": "called by commands after they authorized, and by the scheduler",
  "lib/flags/recompute-for-report.ts recomputeFlagsForReport": "called by report commands after they authorized",
  "lib/flags/recompute-region.ts recomputeRegion": "one job of a recompute by region, queued by recomputeAllFlags",
  "lib/flags/recompute-region.ts finishRegions": "the end of a recompute by region, called by recomputeAllFlags",
  "lib/mandates/end-mandates.ts endMandatesPastUntil": "scheduled work of the server, not a person's",
  "lib/flags/recompute-requests.ts requestRecompute": "counts a recompute that a command asked for after it authorized",
  "lib/flags/recompute-requests.ts claimRecompute": "the recompute queue's own bookkeeping, no person's data",
  "lib/flags/recompute-requests.ts finishRecompute": "the recompute queue's own bookkeeping, no person's data",
  "lib/public/releases.ts ledgerMarker": "the public snapshot: published figures, no person",
  "lib/public/releases.ts latestReleaseHead": "the public snapshot: published figures, no person",
  "lib/public/releases.ts loadLatestRelease": "the public snapshot: published figures, no person",
  "lib/public/releases.ts loadPlaceDetail": "the public snapshot: published figures, no person",
  "lib/public/releases.ts makeRelease": "scheduled releases; a person's release goes through releasePublicFiguresNow",
  "lib/review/reviewer-privacy.ts redactForReviewer": "called by getFlagForReview after it authorized",
  "lib/settings/thresholds.ts getThresholds": "read by the engine and the public snapshot; no person's data",
};
/** Infrastructure below the commands: connections, migrations, health. */
const INFRASTRUCTURE = ["lib/db/"];
const OPENS_DATABASE = /\b(getDb|getOpenedDatabase|rawTransaction)\(/;

type Exported = { id: string; fn: ts.SignatureDeclarationBase & { body?: ts.Node } };

function exportedFunctions(file: string): Exported[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const out: Exported[] = [];
  for (const statement of source.statements) {
    if (
      !ts.canHaveModifiers(statement) ||
      !ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
    )
      continue;
    if (ts.isFunctionDeclaration(statement) && statement.name)
      out.push({ id: `${file} ${statement.name.text}`, fn: statement });
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) {
        if (d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer)))
          out.push({ id: `${file} ${d.name.getText(source)}`, fn: d.initializer });
      }
    }
  }
  return out;
}

/** The files below `dir` (the generated client left out) whose names `accept` takes. */
function filesBelow(dir: string, accept: (name: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.posix.join(dir, e.name);
    if (e.isDirectory()) return p === "lib/db/generated" ? [] : filesBelow(p, accept);
    return accept(e.name) ? [p] : [];
  });
}

const libFiles = () => filesBelow("lib", (name) => /\.tsx?$/.test(name) && !/\.test\.ts$/.test(name));
const isServerModule = (file: string) => /^["']use server["']/.test(fs.readFileSync(file, "utf8"));

function firstStatement(fn: Exported["fn"]): string {
  const body = fn.body;
  if (!body) return "";
  return ts.isBlock(body) ? (body.statements[0]?.getText() ?? "") : body.getText();
}

describe("one way to authorize", () => {
  const functions = libFiles().flatMap(exportedFunctions);
  const touching = functions.filter(
    (f) => OPENS_DATABASE.test(f.fn.body?.getText() ?? "") && !INFRASTRUCTURE.some((dir) => f.id.startsWith(dir)),
  );

  it("every exported command that opens the database takes an Actor first and authorizes it first", () => {
    const wrong = touching
      .filter((f) => !(f.id in NOT_COMMANDS))
      .filter((f) => {
        const first = f.fn.parameters[0];
        const takesActor =
          first?.name.getText() === "actor" && /^(Actor|PersonActor)$/.test(first.type?.getText() ?? "");
        return (
          !takesActor || !/^(const \w+ = )?authorize(Person)?\(actor, "[a-z]+:[a-z]+"\);$/.test(firstStatement(f.fn))
        );
      })
      .map((f) => f.id);
    expect(wrong).toEqual([]);
    expect(touching.length).toBeGreaterThan(40);
  });

  it("lists only exceptions that exist and still open the database", () => {
    const ids = new Set(touching.map((f) => f.id));
    expect(Object.keys(NOT_COMMANDS).filter((id) => !ids.has(id))).toEqual([]);
  });

  it("leaves reading the session to lib/auth: commands are handed the actor", () => {
    const readers = libFiles().filter(
      (f) =>
        !f.startsWith("lib/auth/") &&
        /\bgetCurrentUser\(|\brequireActor\(|\brequirePageActor\(/.test(fs.readFileSync(f, "utf8")),
    );
    expect(readers.filter((f) => !f.startsWith("lib/actions/"))).toEqual([]);
  });

  it("keeps server actions in the routes' actions.ts, but for the two that need no permission", () => {
    const serverFiles = [...filesBelow("app", (name) => /\.tsx?$/.test(name)), ...libFiles()].filter(isServerModule);
    // Signing out and choosing the language act for whoever asks (proxy.ts refuses actions sent from other sites).
    const NO_PERMISSION = ["lib/auth/sign-out-action.ts", "lib/i18n/set-locale-action.ts"];
    expect(serverFiles.filter((f) => !f.endsWith("/actions.ts") && !NO_PERMISSION.includes(f))).toEqual([]);
  });

  it("exports each server action once, made by validatedAction or publicAction", () => {
    const actionFiles = filesBelow("app", (name) => name === "actions.ts");
    expect(actionFiles.length).toBeGreaterThan(5);
    for (const file of actionFiles) {
      const text = fs.readFileSync(file, "utf8");
      expect(text, file).not.toMatch(/export (async )?function/);
      const exports = [...text.matchAll(/^export const (\w+) = (\w+)\(/gm)];
      expect(exports.length, file).toBeGreaterThan(0);
      for (const [, name, maker] of exports)
        expect([name, maker], file).toEqual([name, expect.stringMatching(/^(validatedAction|publicAction)$/)]);
    }
  });
});
