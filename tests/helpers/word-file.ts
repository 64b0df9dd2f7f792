// A real .docx with the given paragraphs, made with the docx package the opinion export uses.
import { Document, Packer, Paragraph } from 'docx';

export async function wordFile(paragraphs: readonly string[]): Promise<Buffer> {
  const doc = new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph({ text })) }] });
  return Packer.toBuffer(doc);
}
