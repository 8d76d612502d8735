<?xml version="1.0" encoding="UTF-8"?>
<!--
  stylesheets/terms-of-reference.xsl — the terms of reference of one
  committee: the model of annex D (joint committee, and the
  committees-in-common form where each CCG's committee keeps its own
  decisions and one chair presides) or annex F (the delegated primary
  care commissioning committee), from templates/terms-of-reference.xml,
  filled from the committee, the scope, the decisions, the delegation
  agreement and the parties, with the committee's own terms-of-reference
  choices (preamble, local clauses after the model section they name,
  accountability, procurement, review).

  In two steps, in one transform: model/terms-of-reference.xsl says what
  the terms hold (the document model, model/document.rng; why each part
  is as it is is said there), output/fo.xsl how they look as XSL-FO
  (imported through base.xsl).  A customisation layer imports this file
  and overrides parameters, attribute sets and the FO templates of the
  model (mode "fo").

  Parameter: committee — the committee/@id (default: the first committee
  of the first CCG); model-only=yes writes the model instead of the FO.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:d="urn:cocom:document:1"
    xmlns:exsl="http://exslt.org/common"
    exclude-result-prefixes="d exsl">

  <xsl:import href="model/terms-of-reference.xsl"/>

  <!-- model-only=yes: write the document model instead of the FO (the
       tests check it against model/document.rng). -->
  <xsl:param name="model-only" select="'no'"/>

  <!-- The arrangement → the model (model/terms-of-reference.xsl) → FO. -->
  <xsl:template match="/">
    <xsl:variable name="model"><xsl:apply-imports/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$model-only = 'yes'"><xsl:copy-of select="$model"/></xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="exsl:node-set($model)/d:document" mode="fo"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
