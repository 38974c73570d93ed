// Loaded by `./jbang --interactive upgrade.java` (see ../jbang): the toolkit's facade, ready to use.
import upgrade.*;
import upgrade.mapping.*;
// as upgrade.java's main does: the bundled mappings call the cloudreve functions; Cloudreve's defaults
upgrade.cloudreve.CloudreveSite.install();
System.out.println("Cloudreve V2 -> V3 upgrade toolkit. Start with:");
System.out.println("  var up = Upgrade.open(\"jdbc:mysql://HOST/V2DB?user=U\", \"jdbc:mysql://HOST/V3DB?user=U\", upgrade.cloudreve.CloudreveSite.defaults().withV3Prefix(\"cd_\"))");
System.out.println("  up.check()   up.preview(\"users\", 3)   up.trace(\"users\", 1)   up.run()   up.compare(\"users\", 1)   up.verify()");
