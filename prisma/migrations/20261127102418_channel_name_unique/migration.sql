-- CreateIndex
CREATE UNIQUE INDEX "channels_name_key" ON "channels"("name");
