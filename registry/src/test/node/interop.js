// An independent client of the Confluent Schema Registry API and wire format (@kafkajs/confluent-schema-registry),
// driven by NodeClientInteropIT. Usage: node interop.js REGISTRY_URL SUBJECT SCHEMA_FILE JSON_PAYLOAD_FILE JAVA_BYTES_FILE OUT_FILE
// Registers the schema, encodes the payload to OUT_FILE, decodes Java's bytes, and prints one JSON line of results.
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');
const fs = require('fs');

const [url, subject, schemaFile, payloadFile, javaBytesFile, outFile] = process.argv.slice(2);
(async () => {
  const registry = new SchemaRegistry({ host: url });
  const { id } = await registry.register({ type: SchemaType.AVRO, schema: fs.readFileSync(schemaFile, 'utf8') }, { subject });
  const latestId = await registry.getLatestSchemaId(subject);
  const encoded = await registry.encode(id, JSON.parse(fs.readFileSync(payloadFile, 'utf8')));
  fs.writeFileSync(outFile, encoded);
  const decodedJava = await registry.decode(fs.readFileSync(javaBytesFile));
  console.log(JSON.stringify({ id, latestId, magic: encoded[0], headerId: encoded.readInt32BE(1),
    javaAlertId: decodedJava.alertId, javaSummary: decodedJava.summary }));
})().catch(e => { console.error('FAILED', e); process.exit(1); });
