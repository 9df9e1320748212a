package org.opensra.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ProgressWriterTest {
    @Test
    @DisplayName("INV-4 a progress document is one ProgressUpdate in the SRA namespace, 0..100")
    void progressDocument() {
        String doc = new String(ProgressWriter.document(15), StandardCharsets.UTF_8);
        assertThat(doc).contains("<ProgressUpdate xmlns=\"http://www.vmware.com/srm/sra/v2\">15</ProgressUpdate>");
        assertThat(doc).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(SraSchemaSupport.wellFormed(ProgressWriter.document(100))).isTrue();
        assertThatThrownBy(() -> ProgressWriter.document(101)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProgressWriter.document(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
