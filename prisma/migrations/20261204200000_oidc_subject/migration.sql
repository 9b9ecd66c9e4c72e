-- The identity a person signs in with through the province's OpenID Connect provider (issuer and
-- subject): set when an account is first linked or created by single sign-on.
ALTER TABLE "users" ADD COLUMN "oidc_subject" TEXT;

CREATE UNIQUE INDEX "users_oidc_subject_key" ON "users"("oidc_subject");
