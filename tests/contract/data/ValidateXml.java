// Validates XML files against an XSD with the JDK's stock validator (javax.xml.validation,
// W3C XML Schema 1.0), for tests/contract/test_junit_schema.py:
//   java tests/contract/data/ValidateXml.java SCHEMA.xsd FILE.xml...
// Prints "valid FILE" or "invalid FILE: reason" per file; exit 0 when all are valid, 1 when
// any is not, 2 on misuse or an unusable schema. External entities and DTDs are refused.

import java.io.File;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXException;

public class ValidateXml {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ValidateXml SCHEMA.xsd FILE.xml...");
            System.exit(2);
        }
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        Schema schema;
        try {
            schema = factory.newSchema(new File(args[0]));
        } catch (SAXException error) {
            System.err.println("unusable schema " + args[0] + ": " + error.getMessage());
            System.exit(2);
            return;
        }
        int invalid = 0;
        for (int i = 1; i < args.length; i++) {
            Validator validator = schema.newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            try {
                validator.validate(new StreamSource(new File(args[i])));
                System.out.println("valid " + args[i]);
            } catch (SAXException error) {
                invalid++;
                System.out.println("invalid " + args[i] + ": " + error.getMessage());
            }
        }
        System.exit(invalid == 0 ? 0 : 1);
    }
}
