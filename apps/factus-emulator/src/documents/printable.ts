import { type PdfLine, renderPdf } from "./pdf";

/** The issuer, as the PDF and XML show it. */
export interface PrintableCompany {
  company: string;
  nit: string;
  dv: string;
  direction: string;
  municipality: string;
}

/** The other party, as the PDF and XML show it: the customer, or the provider (seller) of a support document. */
export interface PrintableCustomer {
  graphic_representation_name: string;
  identification: string;
  dv: string | null;
  address: string;
  email: string;
  phone: string;
  municipality: { name: string } | null;
}

/** An item, as the PDF and XML show it: money as 2-decimal strings, but its total a number (v1's answers). */
export interface PrintableItem {
  code_reference: string;
  name: string;
  quantity: number | string;
  price: string;
  discount_rate: string;
  tax_rate: string;
  gross_value: string;
  taxable_amount: string;
  tax_amount: string;
  total: number;
  unit_measure: { code: string };
}

/** What the PDF and XML of a bill or note show, whatever the document kind and API version. */
export interface PrintableDocument {
  kind: "bill" | "credit_note" | "debit_note" | "support_document" | "adjustment_note";
  number: string;
  referenceCode: string;
  createdAt: string;
  issueDate: string;
  key: string;
  qr: string;
  company: PrintableCompany;
  customer: PrintableCustomer;
  items: PrintableItem[];
  totals: {
    gross_value: string;
    tax_amount: string;
    discount_amount: string;
    surcharge_amount: string;
    total: string;
  };
  notes: string[];
  billingReference?: string | null;
}

const TITLES = {
  bill: "FACTURA ELECTRÓNICA DE VENTA",
  credit_note: "NOTA CRÉDITO ELECTRÓNICA",
  debit_note: "NOTA DÉBITO ELECTRÓNICA",
  support_document: "DOCUMENTO SOPORTE EN ADQUISICIONES A NO OBLIGADOS A FACTURAR",
  adjustment_note: "NOTA DE AJUSTE DEL DOCUMENTO SOPORTE",
} as const;
const KEY_LABELS = {
  bill: "CUFE",
  credit_note: "CUDE",
  debit_note: "CUDE",
  support_document: "CUDS",
  adjustment_note: "CUDS",
} as const;
/** The published file names: fv…, nc…, and ds… / nas… (documentos-soporte, notas-ajuste-documentos-soporte). */
const FILE_PREFIXES = {
  bill: "fv",
  credit_note: "nc",
  debit_note: "nd",
  support_document: "ds",
  adjustment_note: "nas",
} as const;
/** DIAN's UBL: a support document is an Invoice (type 05), its adjustment note a CreditNote (type 95). */
const XML_ROOTS = {
  bill: ["Invoice", "InvoiceLine"],
  credit_note: ["CreditNote", "CreditNoteLine"],
  debit_note: ["DebitNote", "DebitNoteLine"],
  support_document: ["Invoice", "InvoiceLine"],
  adjustment_note: ["CreditNote", "CreditNoteLine"],
} as const;

/** Whether the company buys (a support document and its note: the provider sells) rather than sells. */
const companyBuys = (kind: PrintableDocument["kind"]) =>
  kind === "support_document" || kind === "adjustment_note";

/** The key's UBL scheme: CUFE for a bill, CUDS for the support documents, CUDE for the notes. */
const keyScheme = (kind: PrintableDocument["kind"]) => `${KEY_LABELS[kind]}-SHA384`;

/** File name as Factus builds it: fv/nc/nd/ds/nas + issuer NIT + consecutive digits. */
export const documentFileName = (document: Pick<PrintableDocument, "kind" | "number" | "company">) =>
  `${FILE_PREFIXES[document.kind]}0${document.company.nit}${document.number.replace(/\D/g, "").padStart(10, "0")}`;

export function documentPdf(document: PrintableDocument): Uint8Array {
  const { company, customer } = document;
  const lines: PdfLine[] = [
    { text: company.company, size: 14, bold: true },
    { text: `NIT ${company.nit}-${company.dv} · ${company.direction} · ${company.municipality}` },
    { text: `${TITLES[document.kind]} No. ${document.number}`, size: 12, bold: true },
    { text: `Fecha de generación: ${document.createdAt}    Referencia: ${document.referenceCode}` },
    ...(document.billingReference
      ? [
          {
            text: `${companyBuys(document.kind) ? "Documento soporte" : "Factura"} referenciada: ${document.billingReference}`,
          },
        ]
      : []),
    { text: "" },
    { text: companyBuys(document.kind) ? "PROVEEDOR" : "ADQUIRIENTE", bold: true },
    {
      text: `${customer.graphic_representation_name} · Identificación ${customer.identification}${customer.dv ? `-${customer.dv}` : ""}`,
    },
    {
      text: `${customer.address} · ${customer.municipality?.name ?? ""} · ${customer.email} · ${customer.phone}`,
    },
    { text: "" },
    {
      text: "Código       Descripción                           Cant.      Precio     Desc.%   IVA%        Total",
      bold: true,
    },
    ...document.items.map((item) => ({
      text: [
        item.code_reference.padEnd(12).slice(0, 12),
        item.name.padEnd(36).slice(0, 36),
        String(item.quantity).padStart(6),
        item.price.padStart(12),
        item.discount_rate.padStart(8),
        item.tax_rate.padStart(7),
        item.total.toFixed(2).padStart(13),
      ].join(" "),
    })),
    { text: "" },
    { text: `Subtotal (base): ${document.totals.gross_value}` },
    { text: `Impuestos: ${document.totals.tax_amount}` },
    {
      text: `Descuentos: ${document.totals.discount_amount}    Recargos: ${document.totals.surcharge_amount}`,
    },
    { text: `TOTAL: ${document.totals.total}`, size: 12, bold: true },
    { text: "" },
    { text: `${KEY_LABELS[document.kind]}: ${document.key.slice(0, 48)}` },
    { text: `      ${document.key.slice(48)}` },
    { text: `Consulta DIAN: ${document.qr.slice(0, 90)}` },
    ...document.notes.map((note) => ({ text: note.slice(0, 110) })),
    { text: "" },
    {
      text: "Representación gráfica generada por factus-emulator (ambiente de pruebas, sin validez fiscal).",
    },
  ];
  return renderPdf(`${TITLES[document.kind]} ${document.number}`, lines);
}

const escapeXml = (value: string | number) =>
  String(value).replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** A UBL 2.1-like XML of the document, with its CUFE/CUDE as cbc:UUID. */
export function documentXml(document: PrintableDocument): string {
  const [root, lineTag] = XML_ROOTS[document.kind];
  const { company, customer } = document;
  const issuer = `<cbc:RegistrationName>${escapeXml(company.company)}</cbc:RegistrationName>
    <cbc:CompanyID schemeID="${company.dv}" schemeName="31">${company.nit}</cbc:CompanyID>`;
  const other = `<cbc:RegistrationName>${escapeXml(customer.graphic_representation_name)}</cbc:RegistrationName>
    <cbc:CompanyID${customer.dv ? ` schemeID="${customer.dv}"` : ""}>${escapeXml(customer.identification)}</cbc:CompanyID>`;
  // In a support document the provider sells (supplier) and the company that issues it buys (customer).
  const [supplier, buyer] = companyBuys(document.kind) ? [other, issuer] : [issuer, other];
  const lines = document.items
    .map(
      (item, index) => `  <cac:${lineTag}>
    <cbc:ID>${index + 1}</cbc:ID>
    <cbc:InvoicedQuantity unitCode="${escapeXml(item.unit_measure.code)}">${item.quantity}</cbc:InvoicedQuantity>
    <cbc:LineExtensionAmount currencyID="COP">${item.gross_value}</cbc:LineExtensionAmount>
    <cac:TaxTotal><cbc:TaxAmount currencyID="COP">${item.tax_amount}</cbc:TaxAmount>
      <cac:TaxSubtotal><cbc:TaxableAmount currencyID="COP">${item.taxable_amount}</cbc:TaxableAmount><cbc:Percent>${item.tax_rate}</cbc:Percent></cac:TaxSubtotal>
    </cac:TaxTotal>
    <cac:Item><cbc:Description>${escapeXml(item.name)}</cbc:Description>
      <cac:StandardItemIdentification><cbc:ID>${escapeXml(item.code_reference)}</cbc:ID></cac:StandardItemIdentification>
    </cac:Item>
    <cac:Price><cbc:PriceAmount currencyID="COP">${item.price}</cbc:PriceAmount></cac:Price>
  </cac:${lineTag}>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>
<${root} xmlns="urn:oasis:names:specification:ubl:schema:xsd:${root}-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:UBLVersionID>UBL 2.1</cbc:UBLVersionID>
  <cbc:ProfileExecutionID>2</cbc:ProfileExecutionID>
  <cbc:ID>${escapeXml(document.number)}</cbc:ID>
  <cbc:UUID schemeName="${keyScheme(document.kind)}">${document.key}</cbc:UUID>
  <cbc:IssueDate>${document.issueDate}</cbc:IssueDate>
${document.kind === "support_document" ? "  <cbc:InvoiceTypeCode>05</cbc:InvoiceTypeCode>\n" : ""}${document.kind === "adjustment_note" ? "  <cbc:CreditNoteTypeCode>95</cbc:CreditNoteTypeCode>\n" : ""}  <cbc:DocumentCurrencyCode>COP</cbc:DocumentCurrencyCode>
  <cbc:LineCountNumeric>${document.items.length}</cbc:LineCountNumeric>
${document.billingReference ? `  <cac:BillingReference><cac:InvoiceDocumentReference><cbc:ID>${escapeXml(document.billingReference)}</cbc:ID></cac:InvoiceDocumentReference></cac:BillingReference>\n` : ""}  <cac:AccountingSupplierParty><cac:Party><cac:PartyTaxScheme>
    ${supplier}
  </cac:PartyTaxScheme></cac:Party></cac:AccountingSupplierParty>
  <cac:AccountingCustomerParty><cac:Party><cac:PartyTaxScheme>
    ${buyer}
  </cac:PartyTaxScheme></cac:Party></cac:AccountingCustomerParty>
  <cac:TaxTotal><cbc:TaxAmount currencyID="COP">${document.totals.tax_amount}</cbc:TaxAmount></cac:TaxTotal>
  <cac:LegalMonetaryTotal>
    <cbc:LineExtensionAmount currencyID="COP">${document.totals.gross_value}</cbc:LineExtensionAmount>
    <cbc:AllowanceTotalAmount currencyID="COP">${document.totals.discount_amount}</cbc:AllowanceTotalAmount>
    <cbc:ChargeTotalAmount currencyID="COP">${document.totals.surcharge_amount}</cbc:ChargeTotalAmount>
    <cbc:PayableAmount currencyID="COP">${document.totals.total}</cbc:PayableAmount>
  </cac:LegalMonetaryTotal>
${lines}
</${root}>
`;
}

/**
 * DIAN's AttachedDocument: the container sent to the customer, the document's XML inside (as CDATA), plus DIAN's
 * validation result. v2's `…/download-attached-document-xml`.
 */
export function attachedDocumentXml(document: PrintableDocument): string {
  const { company, customer } = document;
  return `<?xml version="1.0" encoding="UTF-8"?>
<AttachedDocument xmlns="urn:oasis:names:specification:ubl:schema:xsd:AttachedDocument-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
  <cbc:UBLVersionID>UBL 2.1</cbc:UBLVersionID>
  <cbc:ProfileID>Factura Electrónica de Venta</cbc:ProfileID>
  <cbc:ID>${escapeXml(document.number)}</cbc:ID>
  <cbc:IssueDate>${document.issueDate}</cbc:IssueDate>
  <cbc:DocumentType>Contenedor de Factura Electrónica</cbc:DocumentType>
  <cbc:ParentDocumentID>${escapeXml(document.number)}</cbc:ParentDocumentID>
  <cac:SenderParty><cac:PartyTaxScheme>
    <cbc:RegistrationName>${escapeXml(company.company)}</cbc:RegistrationName>
    <cbc:CompanyID schemeID="${company.dv}" schemeName="31">${company.nit}</cbc:CompanyID>
  </cac:PartyTaxScheme></cac:SenderParty>
  <cac:ReceiverParty><cac:PartyTaxScheme>
    <cbc:RegistrationName>${escapeXml(customer.graphic_representation_name)}</cbc:RegistrationName>
    <cbc:CompanyID>${escapeXml(customer.identification)}</cbc:CompanyID>
  </cac:PartyTaxScheme></cac:ReceiverParty>
  <cac:Attachment><cac:ExternalReference>
    <cbc:MimeCode>text/xml</cbc:MimeCode>
    <cbc:EncodingCode>UTF-8</cbc:EncodingCode>
    <cbc:Description><![CDATA[${documentXml(document)}]]></cbc:Description>
  </cac:ExternalReference></cac:Attachment>
  <cac:ParentDocumentLineReference><cbc:LineID>1</cbc:LineID><cac:DocumentReference>
    <cbc:ID>${escapeXml(document.number)}</cbc:ID>
    <cbc:UUID schemeName="${keyScheme(document.kind)}">${document.key}</cbc:UUID>
    <cbc:DocumentType>ApplicationResponse</cbc:DocumentType>
  </cac:DocumentReference></cac:ParentDocumentLineReference>
</AttachedDocument>
`;
}
