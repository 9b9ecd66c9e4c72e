-- Each place's detail of a release (trend, issuers, channels) in a row of its own: a nation's
-- regions outgrow one JSON document. Releases stored before keep their one document; the
-- application reads both.
CREATE TABLE "public_release_places" (
    "release_id" INTEGER NOT NULL,
    "code" TEXT NOT NULL,
    "detail" JSON NOT NULL,

    CONSTRAINT "public_release_places_pkey" PRIMARY KEY ("release_id","code")
);

ALTER TABLE "public_release_places" ADD CONSTRAINT "public_release_places_release_id_fkey" FOREIGN KEY ("release_id") REFERENCES "public_releases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
